package com.artisanmarket.bench.resources;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogTests {

	@Test
	void addsTheOutboxBacklogAndTheConsumerLagOfEveryTopic() {
		String metrics = """
				# HELP marketplace_outbox_backlog Events stored in outboxes and not yet acknowledged by the broker
				# TYPE marketplace_outbox_backlog gauge
				marketplace_outbox_backlog{application="order-service"} 3.0
				marketplace_outbox_oldest_age_seconds{application="order-service"} 1.0
				marketplace_consumer_lag{application="order-service",topic="catalog-events"} 5.0
				marketplace_consumer_lag{application="order-service",topic="artisan-events"} 0.0
				marketplace_dead_letters{application="order-service",topic="catalog-events-dlt"} 4.0
				""";

		assertThat(Backlog.sum(metrics)).hasValue(8);
	}

	@Test
	void knowsNothingWhileALagIsUnknown() {
		assertThat(Backlog.sum("marketplace_consumer_lag{topic=\"order-events\"} NaN\n")).isEmpty();
	}

}
