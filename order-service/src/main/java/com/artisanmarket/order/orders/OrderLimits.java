package com.artisanmarket.order.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.artisanmarket.order.orders.OpenOrders.Hold;
import com.artisanmarket.support.web.ConflictException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The caps on what one buyer may hold in orders that have not shipped
 * ({@link OrderPolicy}), checked when an order is placed, before anything of it is
 * stored.
 * <p>
 * Each buyer's open orders are listed in one document of their own ({@link OpenOrders}),
 * read by id and written back with a conditional update on its version, so two orders
 * placed at once by one buyer (two tabs, two instances) are counted one after the other:
 * the second sees the first or retries. Orders do not tell this list when they ship or
 * end; while the list is under the caps its count is an upper bound and nothing is looked
 * up, and only when it would refuse is each listed order read by id and the list cut to
 * the units those still hold. So the orders collection is never scanned, and a hoarder
 * pays for the look-ups, not everyone else.
 */
@Component
@EnableConfigurationProperties(OrderPolicy.class)
class OrderLimits {

	static final String UNITS_PER_PRODUCT = "max-open-units-per-product";

	static final String ORDERS_PER_BUYER = "max-open-orders-per-buyer";

	/**
	 * How long a listed order that is not stored counts: one being stored right now is
	 * counted, one whose insert failed is forgotten after this.
	 */
	private static final Duration STORING = Duration.ofMinutes(1);

	private static final int ATTEMPTS = 20;

	private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.PENDING, OrderStatus.CONFIRMED);

	private final MongoOperations mongo;

	private final OrderPolicy policy;

	private final Clock clock;

	OrderLimits(MongoOperations mongo, OrderPolicy policy, Clock clock) {
		this.mongo = mongo;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Counts the order against its buyer's caps and lists it among their open orders.
	 * @param order the order about to be stored
	 * @throws OrderLimitException when it would take the buyer past a cap; nothing is
	 * written then
	 */
	void hold(Order order) {
		Hold hold = new Hold(order.id(), order.createdAt(), unshippedUnits(order));
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			OpenOrders current = this.mongo.findById(order.buyerId(), OpenOrders.class);
			List<Hold> holds = (current != null) ? current.holds() : List.of();
			if (refusal(holds, hold).isPresent()) {
				holds = stillOpen(holds);
				Optional<OrderLimitException> refused = refusal(holds, hold);
				if (refused.isPresent()) {
					throw refused.get();
				}
			}
			List<Hold> next = new ArrayList<>(holds);
			next.add(hold);
			if (save(order.buyerId(), current, next)) {
				return;
			}
		}
		throw new ConflictException("Too many orders of this account are being placed at the same time; try again.");
	}

	/** Takes an order that was not stored after all off its buyer's list. */
	void release(Order order) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			OpenOrders current = this.mongo.findById(order.buyerId(), OpenOrders.class);
			if (current == null) {
				return;
			}
			List<Hold> rest = current.holds().stream().filter((hold) -> !hold.orderId().equals(order.id())).toList();
			if (rest.size() == current.holds().size() || save(order.buyerId(), current, rest)) {
				return;
			}
		}
	}

	private Optional<OrderLimitException> refusal(List<Hold> holds, Hold hold) {
		int maxOrders = this.policy.maxOpenOrdersPerBuyer();
		if (holds.size() + 1 > maxOrders) {
			return Optional.of(new OrderLimitException(
					"You have " + holds.size() + " orders that have not shipped yet, and one buyer may have at most "
							+ maxOrders + " at a time. Place this one once some have arrived, or cancel one.",
					ORDERS_PER_BUYER, maxOrders, holds.size(), 1, null));
		}
		int maxUnits = this.policy.maxOpenUnitsPerProduct();
		for (Map.Entry<String, Integer> wanted : hold.units().entrySet()) {
			int open = holds.stream().mapToInt((other) -> other.units().getOrDefault(wanted.getKey(), 0)).sum();
			if (open + wanted.getValue() > maxUnits) {
				return Optional.of(new OrderLimitException(
						"This order asks for " + wanted.getValue() + " units of product " + wanted.getKey()
								+ " and your orders that have not shipped yet hold " + open
								+ "; one buyer may hold at most " + maxUnits + " units of a product at a time.",
						UNITS_PER_PRODUCT, maxUnits, open, wanted.getValue(), wanted.getKey()));
			}
		}
		return Optional.empty();
	}

	/** The listed orders that still hold stock, each with the units it still holds. */
	private List<Hold> stillOpen(List<Hold> holds) {
		Instant storingSince = this.clock.instant().minus(STORING);
		List<Hold> open = new ArrayList<>();
		for (Hold hold : holds) {
			Order order = this.mongo.findById(hold.orderId(), Order.class);
			if (order == null) {
				if (hold.at().isAfter(storingSince)) {
					open.add(hold);
				}
			}
			else if (OPEN.contains(order.status())) {
				Map<String, Integer> units = unshippedUnits(order);
				if (!units.isEmpty()) {
					open.add(new Hold(hold.orderId(), hold.at(), units));
				}
			}
		}
		return open;
	}

	private boolean save(String buyerId, OpenOrders current, List<Hold> holds) {
		if (current == null) {
			try {
				this.mongo.insert(new OpenOrders(buyerId, holds, 1));
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		return this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(buyerId).and("version").is(current.version())),
				new Update().set("holds", holds).inc("version", 1), OpenOrders.class) != null;
	}

	private static Map<String, Integer> unshippedUnits(Order order) {
		Map<String, Integer> units = new LinkedHashMap<>();
		order.lines()
			.stream()
			.filter((line) -> line.shippedAt() == null)
			.forEach((line) -> units.merge(line.productId(), line.quantity(), Integer::sum));
		return units;
	}

}
