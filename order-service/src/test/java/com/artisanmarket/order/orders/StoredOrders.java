package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.artisanmarket.events.Money;

import org.springframework.data.mongodb.core.MongoOperations;

/** Orders written straight into MongoDB, in the state a test needs. */
final class StoredOrders {

	private StoredOrders() {
	}

	/**
	 * An order of one line per artisan account, placed at {@code at}, every line shipped
	 * when the order is {@code SHIPPED}.
	 */
	static Order store(MongoOperations mongo, OrderStatus status, Instant at, String buyer, String... artisans) {
		Money price = Money.of("25.00", "AZN");
		List<Order.Line> lines = Arrays.stream(artisans)
			.map((artisan) -> new Order.Line("product-of-" + artisan, "profile-of-" + artisan, artisan,
					"Piece by " + artisan, price, 2, price.times(2), (status == OrderStatus.SHIPPED) ? at : null, null))
			.toList();
		Money total = price.times(2 * artisans.length);
		List<Order.Change> history = (status == OrderStatus.PENDING)
				? List.of(new Order.Change(OrderStatus.PENDING, at, null))
				: List.of(new Order.Change(OrderStatus.PENDING, at, null), new Order.Change(status, at, null));
		Order order = new Order(UUID.randomUUID().toString(), buyer, UUID.randomUUID().toString(), "hash", status,
				lines, total, new ShippingAddress("Leyla", "Nizami 1", null, "Baku", "AZ1000", "AZ"), List.of(artisans),
				at, at, history, 1, List.of());
		mongo.insert(order);
		return order;
	}

}
