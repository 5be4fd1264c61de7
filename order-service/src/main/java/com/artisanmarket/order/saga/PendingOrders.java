package com.artisanmarket.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.OrderStatus;
import com.artisanmarket.order.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No order stays {@code PENDING} forever: one that had no answer for a while has its
 * {@code OrderPlaced} published again (safe: the catalogue reserves once per order and
 * never after a release), and one that still has none after longer is {@code REJECTED}
 * with the reason (the catalogue releases whatever it reserves for it afterwards).
 */
@Component
class PendingOrders {

	private static final Logger logger = LoggerFactory.getLogger(PendingOrders.class);

	private final MongoOperations mongo;

	private final Orders orders;

	private final Clock clock;

	private final Duration republishAfter;

	private final Duration rejectAfter;

	PendingOrders(MongoOperations mongo, Orders orders, Clock clock,
			@Value("${marketplace.orders.republish-after:30s}") Duration republishAfter,
			@Value("${marketplace.orders.reject-after:5m}") Duration rejectAfter) {
		this.mongo = mongo;
		this.orders = orders;
		this.clock = clock;
		this.republishAfter = republishAfter;
		this.rejectAfter = rejectAfter;
	}

	@Scheduled(fixedDelayString = "${marketplace.orders.pending-check-interval:10s}")
	void check() {
		Instant now = this.clock.instant();
		Query pending = new Query(
				Criteria.where("status").is(OrderStatus.PENDING).and("updatedAt").lt(now.minus(this.republishAfter)))
			.limit(200);
		for (Order order : this.mongo.find(pending, Order.class)) {
			if (order.createdAt().isBefore(now.minus(this.rejectAfter))) {
				this.orders.reject(order.id(),
						"the stock reservation did not answer within " + this.rejectAfter.toMinutes() + " min",
						List.of());
			}
			else {
				logger.info("Order {} is still pending; publishing OrderPlaced again", order.id());
				this.orders.republish(order);
			}
		}
	}

}
