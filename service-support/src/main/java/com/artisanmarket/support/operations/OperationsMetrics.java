package com.artisanmarket.support.operations;

import java.util.List;
import java.util.Map;

import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.EventsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The snapshot's figures for Prometheus: {@code marketplace_outbox_backlog},
 * {@code marketplace_outbox_oldest_age_seconds}, {@code marketplace_dead_letters{topic}}
 * and {@code marketplace_consumer_lag{topic}} (summed over partitions).
 */
class OperationsMetrics implements MeterBinder {

	private final OperationsSnapshot snapshot;

	private final EventsProperties events;

	OperationsMetrics(OperationsSnapshot snapshot, EventsProperties events) {
		this.snapshot = snapshot;
		this.events = events;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("marketplace.outbox.backlog", () -> number(outbox().get("documents")))
			.description("Documents whose outbox events wait for the broker's acknowledgement")
			.register(registry);
		Gauge.builder("marketplace.outbox.oldest.age", () -> number(outbox().get("oldestAgeSeconds")))
			.description("Age of the oldest unpublished event (0 when none)")
			.baseUnit("seconds")
			.register(registry);
		for (String topic : this.events.consumes()) {
			String deadLetter = Topics.deadLetter(topic);
			Gauge.builder("marketplace.dead.letters", () -> number(map("deadLetters").get(deadLetter)))
				.description("Records in a dead-letter topic")
				.tag("topic", deadLetter)
				.register(registry);
			Gauge.builder("marketplace.consumer.lag", () -> lag(topic))
				.description("Records the service's consumer group has yet to process, over all partitions")
				.tag("topic", topic)
				.register(registry);
		}
	}

	private Map<?, ?> outbox() {
		return map("outbox");
	}

	private Map<?, ?> map(String name) {
		return (this.snapshot.current().get(name) instanceof Map<?, ?> map) ? map : Map.of();
	}

	private double lag(String topic) {
		if (!(this.snapshot.current().get("consumerLag") instanceof List<?> rows)) {
			return Double.NaN;
		}
		return rows.stream()
			.filter((row) -> row instanceof Map<?, ?> map && topic.equals(map.get("topic")))
			.mapToDouble((row) -> number(((Map<?, ?>) row).get("lag")))
			.sum();
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0;
	}

}
