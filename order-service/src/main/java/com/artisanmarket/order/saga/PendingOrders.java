package com.artisanmarket.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.OrderStatus;
import com.artisanmarket.order.orders.Orders;
import com.artisanmarket.order.orders.PendingWatch;
import com.artisanmarket.support.lease.Leases;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No order stays {@code PENDING} forever: one that had no answer for a while has its
 * {@code OrderPlaced} published again (safe: the catalogue reserves once per order and
 * never after a release), and one that still has none after longer is {@code REJECTED}
 * with the reason (the catalogue releases whatever it reserves for it afterwards). The
 * orders this process placed are looked up by id ({@link PendingWatch}); the orders
 * collection is scanned for orders that another process or an earlier run left pending
 * once per scan interval, by one instance however many run (under a lease), so that a
 * left-behind order is published again once, not once per instance.
 */
@Component
@EnableConfigurationProperties(PendingProperties.class)
class PendingOrders {

	private static final Logger logger = LoggerFactory.getLogger(PendingOrders.class);

	static final String LEASE = "pending-orders-scan";

	private final MongoOperations mongo;

	private final Orders orders;

	private final Clock clock;

	private final Duration republishAfter;

	private final Duration rejectAfter;

	private final Duration scanInterval;

	private final PendingWatch watch;

	private final Leases leases;

	private Instant nextScan = Instant.MIN;

	PendingOrders(MongoOperations mongo, Orders orders, PendingWatch watch, Leases leases, Clock clock,
			PendingProperties properties) {
		this.mongo = mongo;
		this.orders = orders;
		this.watch = watch;
		this.leases = leases;
		this.clock = clock;
		this.republishAfter = properties.republishAfter();
		this.rejectAfter = properties.rejectAfter();
		this.scanInterval = properties.pendingScanInterval();
	}

	@Scheduled(fixedDelayString = "${marketplace.orders.pending-check-interval:10s}")
	synchronized void check() {
		Instant now = this.clock.instant();
		Instant quietSince = now.minus(this.republishAfter);
		if (!now.isBefore(this.nextScan)
				&& this.leases.runAlone(LEASE, this.scanInterval, () -> scan(quietSince)).isPresent()) {
			this.nextScan = now.plus(this.scanInterval);
		}
		for (String id : this.watch.quietSince(quietSince)) {
			Order order = this.mongo.findById(id, Order.class);
			if (order == null || order.status() != OrderStatus.PENDING) {
				this.watch.settled(id);
			}
			else if (order.createdAt().isBefore(now.minus(this.rejectAfter))) {
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

	/**
	 * @return how many pending orders were found
	 */
	private int scan(Instant quietSince) {
		Query pending = new Query(Criteria.where("status").is(OrderStatus.PENDING).and("updatedAt").lt(quietSince));
		pending.fields().include("_id", "updatedAt");
		int found = 0;
		for (Document order : this.mongo.find(pending, Document.class, Order.COLLECTION)) {
			this.watch.published(order.getString("_id"), order.getDate("updatedAt").toInstant());
			found++;
		}
		return found;
	}

}
