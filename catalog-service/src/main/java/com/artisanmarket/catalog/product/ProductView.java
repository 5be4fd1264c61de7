package com.artisanmarket.catalog.product;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.catalog.review.RatingView;
import com.artisanmarket.events.Money;

/**
 * A product as the API shows it, with its maker, its rating and how many buyers keep it
 * among their favourites.
 */
public record ProductView(String id, String artisanId, String ownerId, String title, String description,
		Category category, List<String> materials, List<String> tags, Money price, int stock, List<String> images,
		ProductStatus status, Maker artisan, RatingView rating, int favouriteCount, Instant createdAt,
		Instant updatedAt) {

	public static ProductView of(Product product) {
		RatingView rating = (product.rating() != null) ? RatingView.of(product.rating().sum(), product.rating().count())
				: RatingView.NONE;
		return new ProductView(product.id(), product.artisanId(), product.ownerId(), product.title(),
				product.description(), product.category(), product.materials(), product.tags(), product.price(),
				product.stock(), product.images(), product.status(),
				new Maker(product.artisanId(), product.artisanName(), product.artisanCity(), product.artisanCountry()),
				rating, (product.favourites() != null) ? product.favourites().count() : 0, product.createdAt(),
				product.updatedAt());
	}

	/** The artisan who made it. */
	public record Maker(String id, String displayName, String city, String country) {

	}

}
