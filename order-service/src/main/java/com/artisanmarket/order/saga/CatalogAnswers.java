package com.artisanmarket.order.saga;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.EventRules;
import com.artisanmarket.order.orders.Order;

/**
 * What the catalogue's answer to an {@code OrderPlaced} must agree with: the order it
 * answers exists, and the answer is about the lines that order asked for (lines of one
 * product count together, as the catalogue reserves them). An answer that does not is
 * forged or broken, and confirming an order on it would ship what nobody reserved.
 * Whether the order still waits for an answer is the order's own business: only a
 * {@code PENDING} one moves.
 */
final class CatalogAnswers {

	private CatalogAnswers() {
	}

	static Optional<String> brokenRule(Optional<Order> order, StockReserved reserved) {
		if (order.isEmpty()) {
			return Optional.of(noSuchOrder(reserved.orderId()));
		}
		Map<String, Integer> asked = unitsByProduct(order.get());
		Map<String, Integer> answered = EventRules.reservedUnitsByProduct(reserved.lines());
		if (!answered.equals(asked)) {
			return Optional.of("the reserved lines " + answered + " are not what order " + reserved.orderId()
					+ " asked for " + asked);
		}
		return Optional.empty();
	}

	static Optional<String> brokenRule(Optional<Order> order, StockReservationFailed failed) {
		if (order.isEmpty()) {
			return Optional.of(noSuchOrder(failed.orderId()));
		}
		Map<String, Integer> asked = unitsByProduct(order.get());
		for (FailedLine line : failed.lines()) {
			Integer units = asked.get(line.productId());
			if (units == null) {
				return Optional.of("product " + line.productId() + " is not in order " + failed.orderId());
			}
			if (units != line.requested()) {
				return Optional.of("order " + failed.orderId() + " asked for " + units + " of product "
						+ line.productId() + ", not " + line.requested());
			}
		}
		return Optional.empty();
	}

	private static String noSuchOrder(String orderId) {
		return "order " + orderId + " does not exist";
	}

	private static Map<String, Integer> unitsByProduct(Order order) {
		Map<String, Integer> units = new LinkedHashMap<>();
		order.lines().forEach((line) -> units.merge(line.productId(), line.quantity(), Integer::sum));
		return units;
	}

}
