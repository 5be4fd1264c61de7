package com.artisanmarket.catalog.favourite;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.product.ProductView;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.support.web.PageView;

/**
 * A buyer's favourites as their page shows them.
 *
 * @param products a page of the products, last marked first
 * @param artisans a page of the artisans, last kept first
 * @param productIds every favourite product's id, so that a page can show its hearts
 * @param artisanIds every favourite artisan's id
 */
record FavouritesView(PageView<FavouriteProduct> products, PageView<FavouriteArtisan> artisans, List<String> productIds,
		List<String> artisanIds) {

	/**
	 * @param productId the product
	 * @param favouritedAt when the buyer marked it
	 * @param product its current view, {@code null} when it is no longer for sale
	 */
	record FavouriteProduct(String productId, Instant favouritedAt, ProductView product) {

	}

	/**
	 * @param artisanId the artisan profile
	 * @param favouritedAt since when the buyer keeps it
	 * @param artisan its current public details, {@code null} when it is no longer shown
	 */
	record FavouriteArtisan(String artisanId, Instant favouritedAt, ArtisanCard artisan) {

	}

	/** An artisan's public details, as the catalogue knows them. */
	record ArtisanCard(String id, String displayName, String craft, String city, String country,
			ArtisanEvent.Status status) {

		static ArtisanCard of(ArtisanSnapshot artisan) {
			return new ArtisanCard(artisan.id(), artisan.displayName(), artisan.craft(), artisan.city(),
					artisan.country(), artisan.status());
		}

	}

}
