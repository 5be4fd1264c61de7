package com.artisanmarket.catalog.product;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as stored. {@code stock} is what is available now; the units held for live
 * orders are recorded in their reservations. {@code reservedBy} and {@code returnedBy}
 * only mark the orders whose units are being taken or given back at this moment, so that
 * a step repeated after a crash does not move stock twice; they are emptied once the
 * reservation records the step, so a popular product does not carry every order it ever
 * sold. The maker's public details are copied from the artisan read model (search has its
 * own index, see {@code catalog.search}). {@code priceMinor} is the price in minor units,
 * for filtering and sorting. {@code importKey} is the client row key of a product listed
 * by a CSV import (null otherwise), so that importing the same file again changes
 * nothing. {@code version} counts the writes that change what the product shows (stock
 * included, so an order taking units counts); it is the product's {@code ETag}, and
 * {@link ProductWrites}, the only class that writes this document, keeps it.
 * {@code rating} and {@code favourites} are copies of the reviews' and the favourites'
 * figures; they change without {@code version}, which is about what the owner wrote and
 * what orders took.
 */
@Document(Product.COLLECTION)
public record Product(@Id String id, String artisanId, String ownerId, String title, String description,
		Category category, List<String> materials, List<String> tags, Money price, long priceMinor, int stock,
		List<String> images, ProductStatus status, String artisanName, String artisanCity, String artisanCountry,
		ArtisanEvent.Status artisanStatus, Instant createdAt, Instant updatedAt, List<Held> reservedBy,
		List<String> returnedBy, List<OutboxEntry> outbox, String importKey, Long version, Rating rating,
		Favourites favourites) {

	public static final String COLLECTION = "products";

	/** Whether anyone may see and order it: active, and its artisan not suspended. */
	public boolean isPublic() {
		return this.status == ProductStatus.ACTIVE && this.artisanStatus != ArtisanEvent.Status.SUSPENDED;
	}

	public Product {
		// Products stored before versions were kept have none.
		version = (version != null) ? version : 0L;
	}

	/** Units being taken for one order. */
	public record Held(String orderId, int quantity) {

	}

	/**
	 * The product's rating over its visible reviews, copied here from its reviews (see
	 * {@code catalog.review.Reviews}) so that a product's read needs no second one.
	 *
	 * @param count visible reviews
	 * @param sum their stars added up
	 * @param version the version of the reviews it was copied from; a copy only replaces
	 * an older one
	 */
	public record Rating(int count, long sum, long version) {

	}

	/**
	 * How many buyers keep the product among their favourites, copied here from its
	 * favourites (see {@code catalog.favourite.Favourites}) so that a product's read
	 * needs no second one.
	 *
	 * @param count buyers
	 * @param version the version of the favourites it was copied from; a copy only
	 * replaces an older one
	 */
	public record Favourites(int count, long version) {

	}

}
