package com.artisanmarket.catalog.product;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.artisanmarket.catalog.search.ProductListings;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.IfMatch;
import com.artisanmarket.support.web.PageRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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

	private final ProductListings listings;

	private final CatalogProperties properties;

	ProductController(Products products, ProductListings listings, CatalogProperties properties) {
		this.products = products;
		this.listings = listings;
		this.properties = properties;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The product, at Location")
	ResponseEntity<ProductView> list(@Valid @RequestBody NewProduct listing, Caller caller,
			@Parameter(hidden = true) @RequestHeader("Authorization") String authorization) {
		Product product = this.products.list(listing, caller, authorization);
		return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(ProductView.of(product));
	}

	@GetMapping
	ProductPage search(@Valid ProductSearch search, @Valid PageRequest page) {
		return ProductPage.of(this.listings.find(search.toListing(page)), page);
	}

	/** Completions of what a buyer is typing into the search box. */
	@GetMapping("/suggest")
	Suggestions suggest(@RequestParam(defaultValue = "") @Size(max = 100) String q) {
		return new Suggestions(this.listings.suggest(q));
	}

	/** The currencies a price may be in, for a form that offers them. */
	@GetMapping("/currencies")
	Currencies currencies() {
		return new Currencies(new TreeSet<>(this.properties.currencies()));
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
		return this.products.orderable(wanted).stream().map(PriceQuote::of).toList();
	}

	/** A product, with its version as {@code ETag} for a change's {@code If-Match}. */
	@GetMapping("/{id}")
	ResponseEntity<ProductView> get(@PathVariable String id, Caller caller) {
		return withEtag(this.products.get(id, caller));
	}

	@PutMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "The product as changed, with its new version as ETag")
	@ApiResponse(responseCode = "412", description = "The product changed since the version named in If-Match",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProductView> update(@PathVariable String id, @Valid @RequestBody NewProduct listing,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return withEtag(this.products.update(id, listing, IfMatch.version(ifMatch, "product"), caller));
	}

	/**
	 * Sets the units available. With {@code If-Match}, units an order took since that
	 * version are not overwritten unseen: the answer is 412 and the owner looks again.
	 */
	@PatchMapping("/{id}/stock")
	@ApiResponse(responseCode = "200", description = "The product as changed, with its new version as ETag")
	@ApiResponse(responseCode = "412", description = "The product changed since the version named in If-Match",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProductView> changeStock(@PathVariable String id, @Valid @RequestBody StockChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return withEtag(this.products.changeStock(id, change.stock(), IfMatch.version(ifMatch, "product"), caller));
	}

	@DeleteMapping("/{id}")
	ProductView archive(@PathVariable String id, Caller caller) {
		return ProductView.of(this.products.archive(id, caller));
	}

	/**
	 * The product with its version as {@code ETag}. The version is what the owner and
	 * orders change; the rating and the favourite count move without it, so the answer is
	 * not to be stored and revalidated ({@code no-store}): a browser that sent
	 * {@code If-None-Match} would be told 304 and show an old count.
	 */
	private static ResponseEntity<ProductView> withEtag(Product product) {
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(product.version()))
			.cacheControl(CacheControl.noStore())
			.body(ProductView.of(product));
	}

	/**
	 * @param currencies ISO 4217 codes, in alphabetical order
	 */
	record Currencies(SortedSet<String> currencies) {

	}

	/**
	 * Completions for a search box.
	 *
	 * @param suggestions titles, crafts and makers' names, at most
	 * {@value ProductListings#SUGGESTIONS}
	 */
	record Suggestions(List<String> suggestions) {

	}

	/** A product's price as order-service needs it. */
	record PriceQuote(String productId, String title, Money price, String artisanId, String ownerId, int stock) {

		static PriceQuote of(Product product) {
			return new PriceQuote(product.id(), product.title(), product.price(), product.artisanId(),
					product.ownerId(), product.stock());
		}

	}

}
