package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order as stored, with the idempotency key it was placed with and a hash of the
 * request, the accounts of the artisans in it ({@code lineOwners}, for their listing),
 * its history, and the outbox entries of its events.
 */
@Document(Order.COLLECTION)
public record Order(@Id String id, String buyerId, String idempotencyKey, String requestHash, OrderStatus status,
		List<Line> lines, Money total, ShippingAddress shippingAddress, List<String> lineOwners, Instant createdAt,
		Instant updatedAt, List<Change> statusHistory, long version, List<OutboxEntry> outbox) {

	public static final String COLLECTION = "orders";

	/**
	 * One priced line.
	 *
	 * @param productId the product
	 * @param artisanId the artisan profile
	 * @param ownerId the artisan's account
	 * @param title the title when ordered
	 * @param unitPrice the price when ordered
	 * @param quantity units
	 * @param lineTotal price times units
	 * @param shippedAt when the artisan shipped it
	 * @param trackingRef the carrier's reference, if given
	 */
	public record Line(String productId, String artisanId, String ownerId, String title, Money unitPrice, int quantity,
			Money lineTotal, Instant shippedAt, String trackingRef) {

	}

	/**
	 * A step in the order's history.
	 *
	 * @param status the status reached
	 * @param at when
	 * @param reason why, if there is one to tell, in words
	 * @param problems the lines that could not be reserved, when rejected for them, so a
	 * client can tell the buyer in their own language
	 */
	public record Change(OrderStatus status, Instant at, String reason, List<LineProblem> problems) {

		@PersistenceCreator
		public Change {
			problems = (problems != null) ? List.copyOf(problems) : List.of();
		}

		public Change(OrderStatus status, Instant at, String reason) {
			this(status, at, reason, List.of());
		}

	}

	/**
	 * Why one line could not be reserved.
	 *
	 * @param productId the product
	 * @param code {@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT}, {@code ARCHIVED} or
	 * {@code ARTISAN_SUSPENDED}
	 * @param requested units ordered
	 * @param available units in stock when it was tried
	 */
	public record LineProblem(String productId, String code, int requested, int available) {

	}

}
