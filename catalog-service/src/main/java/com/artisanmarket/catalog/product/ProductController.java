package com.artisanmarket.catalog.product;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import jakarta.validation.Valid;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private final Products products;

	private final MongoOperations mongo;

	ProductController(Products products, MongoOperations mongo) {
		this.products = products;
		this.mongo = mongo;
	}

	@PostMapping
	ResponseEntity<ProductView> list(@Valid @RequestBody NewProduct listing, Caller caller,
			@RequestHeader("Authorization") String authorization) {
		Product product = this.products.list(listing, caller, authorization);
		return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(ProductView.of(product));
	}

	@GetMapping
	PageView<ProductView> search(@Valid ProductSearch search, @Valid PageRequest page) {
		Query query = search.toQuery(page);
		long total = this.mongo.count(query, Product.class);
		query.with(search.order()).skip(page.offset()).limit(page.size());
		return PageView.of(this.mongo.find(query, Product.class), page, total).map(ProductView::of);
	}

	/**
	 * What order-service needs to price lines, for several products in one call: only
	 * public, orderable ones are returned; a missing id means unknown or unavailable.
	 */
	@GetMapping("/pricing")
	List<PriceQuote> pricing(@RequestParam String ids) {
		List<String> wanted = Arrays.stream(ids.split(","))
			.map(String::trim)
			.filter((id) -> !id.isEmpty())
			.limit(100)
			.toList();
		Query query = new Query(Criteria.where("_id").in(wanted));
		return this.mongo.find(query, Product.class)
			.stream()
			.filter(ProductSearch::isPublic)
			.map(PriceQuote::of)
			.toList();
	}

	@GetMapping("/{id}")
	ProductView get(@PathVariable String id, Caller caller) {
		return ProductView.of(this.products.get(id, caller));
	}

	@PutMapping("/{id}")
	ProductView update(@PathVariable String id, @Valid @RequestBody NewProduct listing, Caller caller) {
		return ProductView.of(this.products.update(id, listing, caller));
	}

	@PatchMapping("/{id}/stock")
	ProductView changeStock(@PathVariable String id, @Valid @RequestBody StockChange change, Caller caller) {
		return ProductView.of(this.products.changeStock(id, change.stock(), caller));
	}

	@DeleteMapping("/{id}")
	ProductView archive(@PathVariable String id, Caller caller) {
		return ProductView.of(this.products.archive(id, caller));
	}

	/** A product's price as order-service needs it. */
	record PriceQuote(String productId, String title, com.artisanmarket.events.Money price, String artisanId,
			String ownerId, int stock) {

		static PriceQuote of(Product product) {
			return new PriceQuote(product.id(), product.title(), product.price(), product.artisanId(),
					product.ownerId(), product.stock());
		}

	}

}
