package com.artisanmarket.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutOutcomeTests {

	@Test
	void takesTheSagasTimeFromTheServersTimestamps() {
		CheckoutOutcome.Order order = CheckoutOutcome.Order.of(1000, """
				{"id":"o1","status":"CONFIRMED","createdAt":"2026-12-01T10:00:00.100Z","statusHistory":[
				  {"status":"PENDING","at":"2026-12-01T10:00:00.100Z"},
				  {"status":"CONFIRMED","at":"2026-12-01T10:00:00.345Z"},
				  {"status":"SHIPPED","at":"2026-12-01T10:05:00Z"}]}""");

		assertThat(order).isEqualTo(new CheckoutOutcome.Order("o1", 1000, "CONFIRMED", 245L));
		assertThat(order.reachedFinalStatus()).isTrue();
	}

	@Test
	void hasNoTimeForAnOrderStillPending() {
		CheckoutOutcome.Order order = CheckoutOutcome.Order.of(1000,
				"{\"id\":\"o2\",\"status\":\"PENDING\",\"statusHistory\":[{\"status\":\"PENDING\",\"at\":\"2026-12-01T10:00:00Z\"}]}");

		assertThat(order.settledMillis()).isNull();
		assertThat(order.reachedFinalStatus()).isFalse();
	}

}
