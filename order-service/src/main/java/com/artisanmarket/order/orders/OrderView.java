package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.artisanmarket.events.Money;
import com.artisanmarket.support.security.Caller;

/**
 * An order as the API shows it. An artisan who is not also its buyer or an admin sees
 * only their own lines, the shipping address and the status (docs/architecture.md,
 * 'Public HTTP contract'), and nothing of the other artisans' lines through the history
 * either: a rejection names only the artisan's own lines (another artisan's product and
 * stock are theirs). The address is shown only while the order is one the artisan ships
 * or has shipped (confirmed, shipped, delivered): a buyer's address on an order that was
 * never confirmed, or was cancelled, is nobody's business but the buyer's (issue 17).
 */
record OrderView(String id, String buyerId, OrderStatus status, List<Order.Line> lines, Money total,
		ShippingAddress shippingAddress, Instant createdAt, Instant updatedAt, List<Order.Change> statusHistory) {

	private static final Set<OrderStatus> SHIPPABLE = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED,
			OrderStatus.DELIVERED);

	static OrderView of(Order order, Caller caller) {
		boolean whole = caller.isAdmin() || order.buyerId().equals(caller.accountId());
		if (whole) {
			return new OrderView(order.id(), order.buyerId(), order.status(), order.lines(), order.total(),
					order.shippingAddress(), order.createdAt(), order.updatedAt(), order.statusHistory());
		}
		List<Order.Line> own = order.lines()
			.stream()
			.filter((line) -> line.ownerId().equals(caller.accountId()))
			.toList();
		Set<String> ownProducts = own.stream().map(Order.Line::productId).collect(Collectors.toSet());
		List<Order.Change> history = order.statusHistory()
			.stream()
			.map((change) -> aboutOwnLines(change, ownProducts))
			.toList();
		ShippingAddress address = SHIPPABLE.contains(order.status()) ? order.shippingAddress() : null;
		return new OrderView(order.id(), null, order.status(), own, null, address, order.createdAt(), order.updatedAt(),
				history);
	}

	/**
	 * A change as an artisan may see it: the problems of their own lines only; when the
	 * change was about other lines too, its reason (which names those lines) is replaced.
	 */
	private static Order.Change aboutOwnLines(Order.Change change, Set<String> ownProducts) {
		List<Order.LineProblem> own = change.problems()
			.stream()
			.filter((problem) -> ownProducts.contains(problem.productId()))
			.toList();
		if (own.size() == change.problems().size()) {
			return change;
		}
		String reason = own.isEmpty() ? "Lines of other artisans could not be reserved."
				: "Some of your lines could not be reserved; see problems.";
		return new Order.Change(change.status(), change.at(), reason, own);
	}

}
