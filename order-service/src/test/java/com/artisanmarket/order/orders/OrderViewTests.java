package com.artisanmarket.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.artisanmarket.events.Money;
import com.artisanmarket.support.security.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 8: an artisan sees of an order only what concerns their own lines, and
 * the buyer's address only while there is something to ship.
 */
class OrderViewTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final Caller CARPETS = new Caller("carpets-owner", Set.of("ARTISAN"));

	private static final Caller BUYER = new Caller("buyer", Set.of("BUYER"));

	@Test
	void anArtisanDoesNotSeeAnotherArtisansLineInTheRejectionNorTheAddress() {
		Order rejected = order(OrderStatus.REJECTED,
				new Order.Change(OrderStatus.REJECTED, NOW, "ring-product: 1 in stock, 3 ordered",
						List.of(new Order.LineProblem("ring-product", "OUT_OF_STOCK", 3, 1))));

		OrderView seen = OrderView.of(rejected, CARPETS);

		assertThat(seen.lines()).extracting(Order.Line::productId).containsExactly("rug-product");
		assertThat(seen.statusHistory().toString()).doesNotContain("ring-product").doesNotContain("in stock");
		assertThat(seen.statusHistory().getLast().status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(seen.shippingAddress()).isNull();
	}

	@Test
	void anArtisanSeesTheProblemsOfTheirOwnLines() {
		Order rejected = order(OrderStatus.REJECTED,
				new Order.Change(OrderStatus.REJECTED, NOW, "rug-product: 0 in stock, 1 ordered",
						List.of(new Order.LineProblem("rug-product", "OUT_OF_STOCK", 1, 0))));

		OrderView seen = OrderView.of(rejected, CARPETS);

		assertThat(seen.statusHistory().getLast().problems()).extracting(Order.LineProblem::productId)
			.containsExactly("rug-product");
	}

	@Test
	void anArtisanSeesTheAddressOfAConfirmedOrderToShipIt() {
		OrderView seen = OrderView.of(order(OrderStatus.CONFIRMED, new Order.Change(OrderStatus.CONFIRMED, NOW, null)),
				CARPETS);

		assertThat(seen.shippingAddress()).isNotNull();
	}

	@Test
	void theBuyerSeesEverything() {
		Order rejected = order(OrderStatus.REJECTED,
				new Order.Change(OrderStatus.REJECTED, NOW, "ring-product: 1 in stock, 3 ordered",
						List.of(new Order.LineProblem("ring-product", "OUT_OF_STOCK", 3, 1))));

		OrderView seen = OrderView.of(rejected, BUYER);

		assertThat(seen.statusHistory().toString()).contains("ring-product");
		assertThat(seen.shippingAddress()).isNotNull();
		assertThat(seen.lines()).hasSize(2);
	}

	private static Order order(OrderStatus status, Order.Change last) {
		Money price = new Money(new BigDecimal("20.00"), "USD");
		List<Order.Line> lines = List.of(
				new Order.Line("rug-product", "carpets", "carpets-owner", "Rug", price, 1, price, null, null),
				new Order.Line("ring-product", "silver", "silver-owner", "Ring", price, 3, price, null, null));
		return new Order("order-1", "buyer", "key", "hash", status, lines, price,
				new ShippingAddress("Leyla Aliyeva", "Nizami 10", null, "Baku", "AZ1000", "AZ"),
				List.of("carpets-owner", "silver-owner"), NOW, NOW,
				List.of(new Order.Change(OrderStatus.PENDING, NOW, null), last), 2, List.of());
	}

}
