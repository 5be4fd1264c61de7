package com.artisanmarket.catalog.product;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as stored. {@code stock} is what is available now; units held for orders are
 * listed in {@code reservedBy} (one entry per order), so available plus reserved is what
 * the artisan put up for sale. The maker's public details are copied from the artisan
 * read model, and {@code keywords}/{@code artisanKeywords} hold folded words for search.
 * {@code priceMinor} is the price in minor units, for filtering and sorting.
 */
@Document(Product.COLLECTION)
public record Product(@Id String id, String artisanId, String ownerId, String title, String description,
		Category category, List<String> materials, List<String> tags, Money price, long priceMinor, int stock,
		List<String> images, ProductStatus status, String artisanName, String artisanCity, String artisanCountry,
		ArtisanEvent.Status artisanStatus, String keywords, String artisanKeywords, Instant createdAt,
		Instant updatedAt, List<Held> reservedBy, List<OutboxEntry> outbox) {

	public static final String COLLECTION = "products";

	/** Units held for one order. */
	public record Held(String orderId, int quantity) {

	}

}
