package com.artisanmarket.order.orders;

import java.time.Clock;
import java.time.Instant;

import org.bson.Document;
import com.artisanmarket.support.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Confirmed orders do not hold stock forever: one that no artisan shipped within
 * {@link OrderPolicy#shipWithin()} is cancelled with the reason, through the same
 * {@code OrderCancelled} as a buyer's cancellation, so the catalogue releases its stock
 * and buyer and artisans read why in its history (issue 17).
 * <p>
 * The sweep reads confirmed orders placed before the deadline (an index on {@code status}
 * serves it on MongoDB; the embedded server scans, once per
 * {@link OrderPolicy#expirySweepInterval()}, not per order). Every instance may sweep:
 * each expiry is a conditional update on the order's version, so a second instance finds
 * the order cancelled already and changes nothing.
 */
@Component
class UnshippedOrders {

	private static final Logger logger = LoggerFactory.getLogger(UnshippedOrders.class);

	private final MongoOperations mongo;

	private final Orders orders;

	private final OrderPolicy policy;

	private final Clock clock;

	UnshippedOrders(MongoOperations mongo, Orders orders, OrderPolicy policy, Clock clock) {
		this.mongo = mongo;
		this.orders = orders;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * @return how many orders this sweep expired
	 */
	@Scheduled(fixedDelayString = "${marketplace.orders.expiry-sweep-interval:1h}")
	int sweep() {
		Instant placedBefore = this.clock.instant().minus(this.policy.shipWithin());
		Query overdue = new Query(Criteria.where("status").is(OrderStatus.CONFIRMED).and("createdAt").lt(placedBefore));
		overdue.fields().include("_id");
		String reason = "expired: not shipped within " + this.policy.shipWithinInWords();
		int expired = 0;
		for (Document order : this.mongo.find(overdue, Document.class, Order.COLLECTION)) {
			String id = order.getString("_id");
			try {
				if (this.orders.settle(id, (o, now) -> o.expire(placedBefore, reason, now)).isPresent()) {
					expired++;
				}
			}
			catch (ConflictException ex) {
				logger.warn("Order {} kept changing while it was being expired; the next sweep tries again", id);
			}
		}
		if (expired > 0) {
			logger.info("Expired {} confirmed order(s) not shipped within {}", expired,
					this.policy.shipWithinInWords());
		}
		return expired;
	}

}
