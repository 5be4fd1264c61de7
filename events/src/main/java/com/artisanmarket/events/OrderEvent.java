package com.artisanmarket.events;

import java.time.Instant;
import java.util.List;

/**
 * Events of order-service, on {@value Topics#ORDER_EVENTS}. Those that artisan-service
 * folds into sales statistics carry the lines, so that no consumer needs to ask for the
 * order.
 */
public sealed interface OrderEvent extends MarketplaceEvent {

	String orderId();

	@Override
	default String subject() {
		return orderId();
	}

	/**
	 * A buyer placed an order; its stock is not reserved yet.
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param lines the priced lines
	 * @param total the sum of the lines
	 * @param placedAt when
	 */
	record OrderPlaced(String orderId, String buyerId, List<OrderLine> lines, Money total,
			Instant placedAt) implements OrderEvent {

	}

	/**
	 * Stock was reserved for every line; the order will be shipped.
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param lines the lines
	 * @param total the total
	 * @param placedAt when the order was placed (sales statistics count it in that month)
	 * @param confirmedAt when
	 */
	record OrderConfirmed(String orderId, String buyerId, List<OrderLine> lines, Money total, Instant placedAt,
			Instant confirmedAt) implements OrderEvent {

	}

	/**
	 * The order could not be fulfilled (a line lacked stock, or the reservation did not
	 * answer in time).
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param reason a human reason
	 * @param rejectedAt when
	 */
	record OrderRejected(String orderId, String buyerId, String reason, Instant rejectedAt) implements OrderEvent {

	}

	/**
	 * The buyer or an admin cancelled the order before anything shipped.
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param lines the lines
	 * @param total the total
	 * @param wasConfirmed whether it had been confirmed (its sale counted) before
	 * @param cancelledBy the account that cancelled
	 * @param reason why, if given
	 * @param placedAt when the order was placed (statistics reverse the sale in that
	 * month)
	 * @param cancelledAt when
	 */
	record OrderCancelled(String orderId, String buyerId, List<OrderLine> lines, Money total, boolean wasConfirmed,
			String cancelledBy, String reason, Instant placedAt, Instant cancelledAt) implements OrderEvent {

	}

	/**
	 * Every artisan in the order has shipped their lines.
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param shipments one per artisan
	 * @param shippedAt when the last artisan shipped
	 */
	record OrderShipped(String orderId, String buyerId, List<Shipment> shipments,
			Instant shippedAt) implements OrderEvent {

	}

	/**
	 * The buyer (or an admin) confirmed delivery.
	 *
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param lines the lines
	 * @param total the total
	 * @param deliveredAt when
	 */
	record OrderDelivered(String orderId, String buyerId, List<OrderLine> lines, Money total,
			Instant deliveredAt) implements OrderEvent {

	}

	/**
	 * One priced line of an order.
	 *
	 * @param productId the product
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the artisan's account
	 * @param title the product's title when ordered
	 * @param unitPrice the price per unit when ordered
	 * @param quantity the units
	 * @param lineTotal unit price times quantity
	 */
	record OrderLine(String productId, String artisanId, String ownerId, String title, Money unitPrice, int quantity,
			Money lineTotal) {

	}

	/**
	 * One artisan's part of an order on its way.
	 *
	 * @param artisanId the artisan profile
	 * @param productIds the lines shipped
	 * @param trackingRef the carrier's reference, if given
	 * @param shippedAt when
	 */
	record Shipment(String artisanId, List<String> productIds, String trackingRef, Instant shippedAt) {

	}

}
