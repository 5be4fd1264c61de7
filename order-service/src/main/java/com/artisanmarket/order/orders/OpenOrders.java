package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One buyer's orders that may still hold stock, kept by {@link OrderLimits}: the one
 * document every placement of that buyer writes with a conditional update on its version,
 * so that concurrent placements of one buyer are checked against the limits one after the
 * other, on any number of instances, without scanning the orders.
 *
 * @param buyerId the buyer's account
 * @param holds the orders placed and not yet known to be over
 * @param version raised by every write
 */
@Document(OpenOrders.COLLECTION)
record OpenOrders(@Id String buyerId, List<Hold> holds, long version) {

	static final String COLLECTION = "open_orders";

	@PersistenceCreator
	OpenOrders {
		holds = (holds != null) ? List.copyOf(holds) : List.of();
	}

	/**
	 * One order counted against the buyer's limits.
	 *
	 * @param orderId the order
	 * @param at when it was placed (an order that was never stored is forgotten a while
	 * later)
	 * @param units units per product that it holds
	 */
	record Hold(String orderId, Instant at, Map<String, Integer> units) {

	}

}
