package com.artisanmarket.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutSimulationTests {

	@Test
	void takesTheSagasTimeFromTheServersTimestamps() {
		String order = """
				{"id":"o1","status":"CONFIRMED","createdAt":"2026-12-01T10:00:00.100Z","statusHistory":[
				  {"status":"PENDING","at":"2026-12-01T10:00:00.100Z"},
				  {"status":"CONFIRMED","at":"2026-12-01T10:00:00.345Z"},
				  {"status":"SHIPPED","at":"2026-12-01T10:05:00Z"}]}""";

		assertThat(CheckoutSimulation.settledMillis(order)).isEqualTo(245);
	}

	@Test
	void hasNoTimeForAnOrderStillPending() {
		assertThat(CheckoutSimulation
			.settledMillis("{\"statusHistory\":[{\"status\":\"PENDING\",\"at\":\"2026-12-01T10:00:00Z\"}]}")).isNull();
	}

}
