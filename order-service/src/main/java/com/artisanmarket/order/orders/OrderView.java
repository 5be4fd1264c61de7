package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.Money;
import com.artisanmarket.support.security.Caller;

/**
 * An order as the API shows it. An artisan who is not also its buyer or an admin sees
 * only their own lines, the shipping address and the status (DESIGN.md).
 */
record OrderView(String id, String buyerId, OrderStatus status, List<Order.Line> lines, Money total,
		ShippingAddress shippingAddress, Instant createdAt, Instant updatedAt, List<Order.Change> statusHistory) {

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
		return new OrderView(order.id(), null, order.status(), own, null, order.shippingAddress(), order.createdAt(),
				order.updatedAt(), order.statusHistory());
	}

}
