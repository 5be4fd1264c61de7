package com.artisanmarket.catalog.product;

import java.math.BigDecimal;
import java.util.Locale;

import com.artisanmarket.catalog.search.Folding;
import com.artisanmarket.catalog.search.ListingQuery;
import com.artisanmarket.catalog.search.ListingQuery.Order;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.support.validation.CountryCode;
import com.artisanmarket.support.web.PageRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/products} filters, answered by the search index (see
 * {@link com.artisanmarket.catalog.search.ProductListings}). Every folded word of
 * {@code q} must be found in the product's own words (title, description, tags,
 * materials) or its maker's (name, craft, city), exactly, as the start of a word, or with
 * a typo or two.
 *
 * @param q words to find
 * @param category a category
 * @param country the maker's country
 * @param craft the maker's craft, as the {@code craft} facet names it
 * @param artisanId one artisan's products
 * @param currency prices in this currency only
 * @param minPrice lowest price
 * @param maxPrice highest price
 * @param inStock only products with units available
 * @param minRating lowest average rating (1 to 5); products without one are left out
 * @param sort relevance (the default with {@code q}), newest (the default without),
 * price_asc, price_desc or rating
 */
record ProductSearch(@Size(max = 100) String q, Category category, @CountryCode String country,
		@Size(max = 100) String craft, @Size(max = 64) String artisanId, @Pattern(regexp = "[A-Z]{3}") String currency,
		@DecimalMin("0") BigDecimal minPrice, @DecimalMin("0") BigDecimal maxPrice, Boolean inStock,
		@DecimalMin("0") @DecimalMax("5") Double minRating,
		@Pattern(regexp = "relevance|newest|price_asc|price_desc|rating", flags = Flag.CASE_INSENSITIVE) String sort) {

	private static final BigDecimal ABOVE_EVERY_PRICE = BigDecimal.valueOf(Long.MAX_VALUE, 2);

	/** Whether anyone may see a product: for sale, by an artisan who is not suspended. */
	static boolean isPublic(Product product) {
		return product.isPublic();
	}

	ListingQuery toListing(PageRequest page) {
		return new ListingQuery(this.q, (this.category != null) ? this.category.name() : null, this.country, this.craft,
				this.artisanId, this.currency, minorUnits(this.minPrice), minorUnits(this.maxPrice),
				Boolean.TRUE.equals(this.inStock), this.minRating, order(), page.offset(), page.size());
	}

	private Order order() {
		if (this.sort == null) {
			return Folding.words(this.q).isEmpty() ? Order.NEWEST : Order.RELEVANCE;
		}
		return Order.valueOf(this.sort.toUpperCase(Locale.ROOT));
	}

	private static Long minorUnits(BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		// "1e999999999" is a number too, but its minor units overflow a long.
		return (amount.compareTo(ABOVE_EVERY_PRICE) >= 0) ? Long.MAX_VALUE : amount.movePointRight(2).longValue();
	}

}
