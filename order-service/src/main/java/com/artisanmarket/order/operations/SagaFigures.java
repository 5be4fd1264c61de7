package com.artisanmarket.order.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.artisanmarket.events.Money;
import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.OrderStatus;
import com.artisanmarket.order.pricing.CatalogPricing;
import com.artisanmarket.support.operations.OperationsContributor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The saga as operators see it: how long orders take from placed to confirmed or rejected
 * ({@code marketplace_saga_seconds{outcome}}), orders placed, revenue confirmed per
 * currency, the pricing circuit breaker's state, and how many orders are in each status
 * (for the operations panel's funnel).
 */
@Component
public class SagaFigures implements OperationsContributor {

	private final MongoOperations mongo;

	private final CatalogPricing pricing;

	private final MeterRegistry registry;

	private final Timer confirmed;

	private final Timer rejected;

	private final Counter placed;

	SagaFigures(MongoOperations mongo, CatalogPricing pricing, MeterRegistry registry) {
		this.mongo = mongo;
		this.pricing = pricing;
		this.registry = registry;
		this.confirmed = saga(registry, "confirmed");
		this.rejected = saga(registry, "rejected");
		this.placed = Counter.builder("marketplace.orders.placed")
			.description("Orders accepted (202)")
			.register(registry);
	}

	private static Timer saga(MeterRegistry registry, String outcome) {
		return Timer.builder("marketplace.saga")
			.description("From an order's placement to its confirmation or rejection")
			.tag("outcome", outcome)
			.publishPercentiles(0.5, 0.95)
			.register(registry);
	}

	/** A new order was stored. */
	public void placed() {
		this.placed.increment();
	}

	/**
	 * An order left PENDING.
	 * @param order the order as it was while pending
	 * @param outcome CONFIRMED or REJECTED
	 * @param at when
	 */
	public void settled(Order order, OrderStatus outcome, Instant at) {
		Duration took = Duration.between(order.createdAt(), at);
		(outcome == OrderStatus.CONFIRMED ? this.confirmed : this.rejected).record(took);
		if (outcome == OrderStatus.CONFIRMED) {
			Money total = order.total();
			Counter.builder("marketplace.revenue")
				.description("Value of confirmed orders")
				.tag("currency", total.currency())
				.register(this.registry)
				.increment(total.amount().doubleValue());
		}
	}

	@Override
	public void contribute(Map<String, Object> details) {
		details.put("circuitBreakers", Map.of("catalog-service", this.pricing.circuitState().name()));
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (OrderStatus status : OrderStatus.values()) {
			byStatus.put(status.name(),
					this.mongo.count(new Query(Criteria.where("status").is(status)), Order.COLLECTION));
		}
		Map<String, Object> saga = new LinkedHashMap<>();
		saga.put("byStatus", byStatus);
		saga.put("confirmed", figures(this.confirmed));
		saga.put("rejected", figures(this.rejected));
		details.put("saga", saga);
	}

	private static Map<String, Object> figures(Timer timer) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("count", timer.count());
		figures.put("meanSeconds", round(timer.mean(TimeUnit.MILLISECONDS) / 1000));
		figures.put("maxSeconds", round(timer.max(TimeUnit.MILLISECONDS) / 1000));
		return figures;
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

}
