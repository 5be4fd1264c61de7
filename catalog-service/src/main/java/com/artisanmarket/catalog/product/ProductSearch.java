package com.artisanmarket.catalog.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.artisanmarket.catalog.search.Folding;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.support.validation.CountryCode;
import com.artisanmarket.support.web.PageRequest;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code GET /api/products} filters. Search matches every folded word of {@code q} in the
 * product's own words (title, description, tags, materials) or its maker's (name, city),
 * with ordinary regular expressions over keyword fields: it works on the embedded server,
 * which has no {@code $text}, as on real MongoDB.
 *
 * @param q words to find
 * @param category a category
 * @param country the maker's country
 * @param artisanId one artisan's products
 * @param currency prices in this currency only
 * @param minPrice lowest price
 * @param maxPrice highest price
 * @param inStock only products with units available
 * @param sort newest, price_asc or price_desc
 */
record ProductSearch(@Size(max = 100) String q, Category category, @CountryCode String country,
		@Size(max = 64) String artisanId, @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}") String currency,
		@DecimalMin("0") BigDecimal minPrice, @DecimalMin("0") BigDecimal maxPrice, Boolean inStock,
		@jakarta.validation.constraints.Pattern(regexp = "newest|price_asc|price_desc",
				flags = Flag.CASE_INSENSITIVE) String sort) {

	/** Whether anyone may see a product: for sale, by an artisan who is not suspended. */
	static boolean isPublic(Product product) {
		return product.status() == ProductStatus.ACTIVE && product.artisanStatus() != ArtisanEvent.Status.SUSPENDED;
	}

	Query toQuery(PageRequest page) {
		List<Criteria> filters = new ArrayList<>();
		filters.add(Criteria.where("status").is(ProductStatus.ACTIVE));
		filters.add(Criteria.where("artisanStatus").ne(ArtisanEvent.Status.SUSPENDED));
		for (String word : Folding.words(this.q)) {
			String contains = Pattern.quote(word);
			filters.add(new Criteria().orOperator(Criteria.where("keywords").regex(contains),
					Criteria.where("artisanKeywords").regex(contains)));
		}
		if (this.category != null) {
			filters.add(Criteria.where("category").is(this.category));
		}
		if (this.country != null) {
			filters.add(Criteria.where("artisanCountry").is(this.country));
		}
		if (this.artisanId != null) {
			filters.add(Criteria.where("artisanId").is(this.artisanId));
		}
		if (this.currency != null) {
			filters.add(Criteria.where("price.currency").is(this.currency));
		}
		if (this.minPrice != null) {
			filters.add(Criteria.where("priceMinor").gte(this.minPrice.movePointRight(2).longValue()));
		}
		if (this.maxPrice != null) {
			filters.add(Criteria.where("priceMinor").lte(this.maxPrice.movePointRight(2).longValue()));
		}
		if (Boolean.TRUE.equals(this.inStock)) {
			filters.add(Criteria.where("stock").gt(0));
		}
		return new Query(new Criteria().andOperator(filters));
	}

	Sort order() {
		String by = (this.sort != null) ? this.sort.toLowerCase(java.util.Locale.ROOT) : "newest";
		return switch (by) {
			case "price_asc" -> Sort.by(Sort.Order.asc("priceMinor"), Sort.Order.desc("createdAt"));
			case "price_desc" -> Sort.by(Sort.Order.desc("priceMinor"), Sort.Order.desc("createdAt"));
			default -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"));
		};
	}

}
