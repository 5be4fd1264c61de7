package com.artisanmarket.order.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.Money;
import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.OrderStatus;
import com.artisanmarket.order.orders.ShippingAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogAnswersTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

	private static final Money PRICE = Money.of("20.00", "USD");

	private static final Optional<Order> ORDER = Optional
		.of(order(new Order.Line("rug", "carpets", "carpets-owner", "Rug", PRICE, 1, PRICE, null, null),
				new Order.Line("ring", "silver", "silver-owner", "Ring", PRICE, 2, PRICE.times(2), null, null),
				new Order.Line("ring", "silver", "silver-owner", "Ring", PRICE, 1, PRICE, null, null)));

	@Test
	void acceptsAReservationOfExactlyTheOrdersLines() {
		StockReserved reserved = new StockReserved("order-1",
				List.of(new ReservedLine("rug", 1), new ReservedLine("ring", 3)), NOW);

		assertThat(CatalogAnswers.brokenRule(ORDER, reserved)).isEmpty();
	}

	@Test
	void refusesAReservationForAnOrderThatDoesNotExist() {
		StockReserved reserved = new StockReserved("order-1", List.of(new ReservedLine("rug", 1)), NOW);

		assertThat(CatalogAnswers.brokenRule(Optional.empty(), reserved)).contains("order order-1 does not exist");
	}

	@Test
	void refusesAReservationOfOtherQuantitiesOrProducts() {
		StockReserved fewer = new StockReserved("order-1",
				List.of(new ReservedLine("rug", 1), new ReservedLine("ring", 1)), NOW);
		StockReserved missingLine = new StockReserved("order-1", List.of(new ReservedLine("rug", 1)), NOW);
		StockReserved otherProduct = new StockReserved("order-1",
				List.of(new ReservedLine("rug", 1), new ReservedLine("vase", 3)), NOW);

		assertThat(CatalogAnswers.brokenRule(ORDER, fewer)).hasValueSatisfying(
				(rule) -> assertThat(rule).contains("not what order order-1 asked for {rug=1, ring=3}"));
		assertThat(CatalogAnswers.brokenRule(ORDER, missingLine)).isPresent();
		assertThat(CatalogAnswers.brokenRule(ORDER, otherProduct)).isPresent();
	}

	@Test
	void acceptsAFailureThatNamesLinesOfTheOrder() {
		StockReservationFailed failed = new StockReservationFailed("order-1",
				List.of(new FailedLine("ring", 3, 1, FailureReason.OUT_OF_STOCK)), NOW);

		assertThat(CatalogAnswers.brokenRule(ORDER, failed)).isEmpty();
	}

	@Test
	void refusesAFailureForAnotherOrderOrOtherLines() {
		StockReservationFailed otherProduct = new StockReservationFailed("order-1",
				List.of(new FailedLine("vase", 1, 0, FailureReason.UNKNOWN_PRODUCT)), NOW);
		StockReservationFailed otherQuantity = new StockReservationFailed("order-1",
				List.of(new FailedLine("ring", 7, 1, FailureReason.OUT_OF_STOCK)), NOW);

		assertThat(CatalogAnswers.brokenRule(Optional.empty(), otherProduct)).contains("order order-1 does not exist");
		assertThat(CatalogAnswers.brokenRule(ORDER, otherProduct)).contains("product vase is not in order order-1");
		assertThat(CatalogAnswers.brokenRule(ORDER, otherQuantity))
			.contains("order order-1 asked for 3 of product ring, not 7");
	}

	private static Order order(Order.Line... lines) {
		return new Order("order-1", "buyer", "key", "hash", OrderStatus.PENDING, List.of(lines), PRICE.times(4),
				new ShippingAddress("Leyla Aliyeva", "Nizami 10", null, "Baku", "AZ1000", "AZ"),
				List.of("carpets-owner", "silver-owner"), NOW, NOW,
				List.of(new Order.Change(OrderStatus.PENDING, NOW, null)), 1, List.of());
	}

}
