package com.artisanmarket.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order's state machine without a database: every status × caller × action, against a
 * table of who may do what from which status written out here, not derived from the code
 * it checks.
 */
class OrderStateMachineTests {

	private static final Instant PLACED = Instant.parse("2026-12-01T10:00:00Z");

	private static final Instant NOW = PLACED.plus(Duration.ofHours(2));

	enum Who {

		BUYER(new Caller("buyer", Set.of("BUYER"))), OTHER_BUYER(new Caller("someone-else", Set.of("BUYER"))),
		ARTISAN(new Caller("weaver", Set.of("ARTISAN"))), OTHER_ARTISAN(new Caller("potter", Set.of("ARTISAN"))),
		ADMIN(new Caller("admin", Set.of("ADMIN")));

		final Caller caller;

		Who(Caller caller) {
			this.caller = caller;
		}

	}

	enum Action {

		CANCEL, DECLINE, SHIP, DELIVER

	}

	/** Who may take each step; anyone else is told the order does not exist. */
	private static final Map<Action, Set<Who>> MAY = Map.of(Action.CANCEL, Set.of(Who.BUYER, Who.ADMIN), Action.DECLINE,
			Set.of(Who.ARTISAN), Action.SHIP, Set.of(Who.ARTISAN), Action.DELIVER, Set.of(Who.BUYER, Who.ADMIN));

	/** From which statuses each step goes; from any other it is a conflict. */
	private static final Map<Action, Set<OrderStatus>> FROM = Map.of(Action.CANCEL,
			Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED), Action.DECLINE,
			Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED), Action.SHIP, Set.of(OrderStatus.CONFIRMED),
			Action.DELIVER, Set.of(OrderStatus.SHIPPED));

	private static final Map<Action, OrderStatus> TO = Map.of(Action.CANCEL, OrderStatus.CANCELLED, Action.DECLINE,
			OrderStatus.CANCELLED, Action.SHIP, OrderStatus.SHIPPED, Action.DELIVER, OrderStatus.DELIVERED);

	static Stream<Arguments> everyStatusCallerAndAction() {
		List<Arguments> cases = new ArrayList<>();
		for (OrderStatus status : OrderStatus.values()) {
			for (Who who : Who.values()) {
				for (Action action : Action.values()) {
					cases.add(Arguments.of(status, who, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{2} by {1} on a {0} order")
	@MethodSource("everyStatusCallerAndAction")
	void takesAStepOnlyWhenTheCallerMayFromThatStatus(OrderStatus status, Who who, Action action) {
		Order order = order(status, null);
		if (!MAY.get(action).contains(who)) {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> take(order, who, action));
			return;
		}
		if (!FROM.get(action).contains(status)) {
			assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> take(order, who, action));
			return;
		}
		OrderTransition step = take(order, who, action);
		assertThat(step.change().status()).isEqualTo(TO.get(action));
		assertThat(step.change().at()).isEqualTo(NOW);
		switch (action) {
			case CANCEL, DECLINE -> {
				OrderCancelled cancelled = (OrderCancelled) step.event();
				assertThat(cancelled.orderId()).isEqualTo("order-1");
				assertThat(cancelled.wasConfirmed()).isEqualTo(status == OrderStatus.CONFIRMED);
				assertThat(cancelled.cancelledBy()).isEqualTo(who.caller.accountId());
				assertThat(cancelled.lines()).hasSize(1);
				assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
			}
			case SHIP -> {
				OrderShipped shipped = (OrderShipped) step.event();
				assertThat(shipped.shipments()).singleElement()
					.satisfies((shipment) -> assertThat(shipment.trackingRef()).isEqualTo("TRACK-1"));
				assertThat(step.lines()).allSatisfy((line) -> assertThat(line.shippedAt()).isEqualTo(NOW));
			}
			case DELIVER -> assertThat(step.event()).isInstanceOf(OrderDelivered.class);
		}
	}

	@ParameterizedTest(name = "cancel by {1} after a line shipped, order {0}")
	@MethodSource("callersWhoMayCallOff")
	void nothingIsCalledOffOnceALineHasShipped(OrderStatus status, Who who) {
		Order order = twoArtisans(status, NOW.minusSeconds(60));
		Action action = (who == Who.ARTISAN) ? Action.DECLINE : Action.CANCEL;
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> take(order, who, action));
	}

	static Stream<Arguments> callersWhoMayCallOff() {
		return Stream.of(OrderStatus.PENDING, OrderStatus.CONFIRMED)
			.flatMap((status) -> Stream.of(Who.BUYER, Who.ADMIN, Who.ARTISAN).map((who) -> Arguments.of(status, who)));
	}

	@Test
	void anArtisanDeclinesOnlyWithAReasonTheBuyerCanRead() {
		Order order = order(OrderStatus.CONFIRMED, null);
		assertThatExceptionOfType(FieldValidationException.class)
			.isThrownBy(() -> order.decline(Who.ARTISAN.caller, "  ", NOW));
		assertThatExceptionOfType(FieldValidationException.class)
			.isThrownBy(() -> order.decline(Who.ARTISAN.caller, "x".repeat(501), NOW));
		assertThat(order.decline(Who.ARTISAN.caller, " out of wool ", NOW).change().reason())
			.isEqualTo("declined by the artisan: out of wool");
	}

	@Test
	void anOrderOfTwoArtisansIsShippedWhenTheSecondShips() {
		Caller potter = Who.OTHER_ARTISAN.caller;
		OrderTransition first = twoArtisans(OrderStatus.CONFIRMED, null).ship(Who.ARTISAN.caller, "RUG-1", NOW);
		assertThat(first.change()).isNull();
		assertThat(first.event()).isNull();
		assertThat(first.lines()).extracting(Order.Line::trackingRef).containsExactly("RUG-1", null);

		Order afterFirst = order(OrderStatus.CONFIRMED, first.lines(), List.of("weaver", "potter"));
		OrderTransition second = afterFirst.ship(potter, "BOWL-1", NOW.plusSeconds(5));
		assertThat(second.change().status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(((OrderShipped) second.event()).shipments()).extracting((shipment) -> shipment.trackingRef())
			.containsExactly("RUG-1", "BOWL-1");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> order(OrderStatus.CANCELLED, null).ship(Who.ARTISAN.caller, null, NOW));
	}

	@ParameterizedTest(name = "the catalogue answers on a {0} order")
	@MethodSource("statuses")
	void onlyAPendingOrderIsConfirmedOrRejected(OrderStatus status) {
		Order order = order(status, null);
		Optional<OrderTransition> confirmed = order.confirm(NOW);
		Optional<OrderTransition> rejected = order.reject("out of stock", List.of(), NOW);
		assertThat(confirmed.isPresent()).isEqualTo(status == OrderStatus.PENDING);
		assertThat(rejected.isPresent()).isEqualTo(status == OrderStatus.PENDING);
		confirmed.ifPresent((step) -> {
			assertThat(step.change().status()).isEqualTo(OrderStatus.CONFIRMED);
			assertThat(((OrderConfirmed) step.event()).placedAt()).isEqualTo(PLACED);
		});
		rejected.ifPresent((step) -> {
			assertThat(step.change().status()).isEqualTo(OrderStatus.REJECTED);
			assertThat(((OrderRejected) step.event()).reason()).isEqualTo("out of stock");
		});
	}

	@ParameterizedTest(name = "the expiry sweep on a {0} order")
	@MethodSource("statuses")
	void onlyAConfirmedOrderPlacedBeforeTheCutOffExpires(OrderStatus status) {
		Order order = order(status, null);
		Optional<OrderTransition> expired = order.expire(PLACED.plusSeconds(1), "expired", NOW);
		assertThat(expired.isPresent()).isEqualTo(status == OrderStatus.CONFIRMED);
		expired.ifPresent((step) -> assertThat(((OrderCancelled) step.event()).cancelledBy()).isNull());
		assertThat(order.expire(PLACED, "expired", NOW)).isEmpty();
		assertThat(twoArtisans(status, NOW).expire(PLACED.plusSeconds(1), "expired", NOW)).isEmpty();
	}

	static Stream<OrderStatus> statuses() {
		return Stream.of(OrderStatus.values());
	}

	@ParameterizedTest(name = "{0} reads the order")
	@MethodSource("callers")
	void theBuyerTheOrdersArtisansAndAdminsSeeIt(Who who) {
		assertThat(order(OrderStatus.PENDING, null).visibleTo(who.caller))
			.isEqualTo(Set.of(Who.BUYER, Who.ARTISAN, Who.ADMIN).contains(who));
	}

	static Stream<Who> callers() {
		return Stream.of(Who.values());
	}

	private static OrderTransition take(Order order, Who who, Action action) {
		return switch (action) {
			case CANCEL -> order.cancel(who.caller, "changed my mind", NOW);
			case DECLINE -> order.decline(who.caller, "out of wool", NOW);
			case SHIP -> order.ship(who.caller, "TRACK-1", NOW);
			case DELIVER -> order.deliver(who.caller, NOW);
		};
	}

	private static Order order(OrderStatus status, Instant shippedAt) {
		Money price = new Money(new BigDecimal("120.00"), "AZN");
		List<Order.Line> lines = List.of(new Order.Line("rug", "weaver-profile", "weaver", "Guba rug", price, 1, price,
				(status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) ? PLACED : shippedAt, null));
		return order(status, lines, List.of("weaver"));
	}

	/**
	 * A rug of the weaver (shipped at {@code rugShippedAt}, if given) and a bowl of the
	 * potter.
	 */
	private static Order twoArtisans(OrderStatus status, Instant rugShippedAt) {
		Money price = new Money(new BigDecimal("40.00"), "AZN");
		return order(status, List.of(
				new Order.Line("rug", "weaver-profile", "weaver", "Guba rug", price, 1, price, rugShippedAt,
						(rugShippedAt != null) ? "RUG-0" : null),
				new Order.Line("bowl", "potter-profile", "potter", "Rishtan bowl", price, 1, price, null, null)),
				List.of("weaver", "potter"));
	}

	private static Order order(OrderStatus status, List<Order.Line> lines, List<String> owners) {
		Money total = new Money(
				lines.stream().map((line) -> line.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
				"AZN");
		return new Order("order-1", "buyer", "key", "hash", status, lines, total,
				new ShippingAddress("Leyla Aliyeva", "Nizami 10", null, "Baku", "AZ1000", "AZ"), owners, PLACED, PLACED,
				List.of(new Order.Change(status, PLACED, null)), 3, List.of());
	}

}
