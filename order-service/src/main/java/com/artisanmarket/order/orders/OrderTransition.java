package com.artisanmarket.order.orders;

import java.util.List;

import com.artisanmarket.events.OrderEvent;
import com.artisanmarket.support.outbox.Outbox;

import org.springframework.data.mongodb.core.query.Update;

/**
 * One step of an order, decided on the order as read: {@link Orders} writes it only if
 * nobody changed the order since.
 *
 * @param change the history entry of a new status, none when only lines change
 * @param lines the lines as they become, none when they stay
 * @param event what tells the other services, none when nothing they follow changed
 */
record OrderTransition(Order.Change change, List<Order.Line> lines, OrderEvent event) {

	/** Lines change (one artisan of several shipped); the status stays. */
	static OrderTransition lines(List<Order.Line> lines) {
		return new OrderTransition(null, lines, null);
	}

	/** The step as an update of the stored order, its event into the order's outbox. */
	Update update(Outbox outbox) {
		Update update = new Update();
		if (this.change != null) {
			update.set("status", this.change.status()).push("statusHistory", this.change);
		}
		if (this.lines != null) {
			update.set("lines", this.lines);
		}
		if (this.event != null) {
			update.push(Outbox.FIELD, outbox.entry(this.event));
		}
		return update;
	}

}
