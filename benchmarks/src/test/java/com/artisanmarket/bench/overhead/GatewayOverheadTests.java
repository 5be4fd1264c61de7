package com.artisanmarket.bench.overhead;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayOverheadTests {

	@Test
	void aPathsRateIsTheMedianOfItsRoundsAndItsErrorsTheirSum() {
		GatewayOverhead.Loaded path = new GatewayOverhead.Loaded(GatewayOverhead.GATEWAY, "http://127.0.0.1:8080/x");
		path.measured.add(new Wrk.Throughput(2000, 16, 1));
		path.measured.add(new Wrk.Throughput(900, 35, 0));
		path.measured.add(new Wrk.Throughput(1800, 18, 2));

		GatewayOverhead.Target target = path.target();

		assertThat(target.requestsPerSecond()).isEqualTo(1800);
		assertThat(target.meanLatencyMillis()).isEqualTo(18);
		assertThat(target.errors()).isEqualTo(3);
		assertThat(target.roundRequestsPerSecond()).containsExactly(2000.0, 900.0, 1800.0);
	}

	@Test
	void anEvenNumberOfRoundsTakesTheMiddleTwo() {
		GatewayOverhead.Loaded path = new GatewayOverhead.Loaded(GatewayOverhead.DIRECT, "http://127.0.0.1:8082/x");
		path.measured.add(new Wrk.Throughput(5000, 6, 0));
		path.measured.add(new Wrk.Throughput(4000, 8, 0));

		assertThat(path.target().requestsPerSecond()).isEqualTo(4500);
	}

	@Test
	void theRatioOfEachRoundComparesThePathsOfThatRound() {
		GatewayOverhead.Result result = new GatewayOverhead.Result(List.of(
				new GatewayOverhead.Target(GatewayOverhead.DIRECT, "d", 4000, 4, 0, List.of(4000.0, 2000.0), List.of()),
				new GatewayOverhead.Target(GatewayOverhead.GATEWAY, "g", 1000, 16, 0, List.of(1000.0, 1000.0),
						List.of())),
				"wrk", 0, null);

		assertThat(result.gatewayOverByRound(GatewayOverhead.DIRECT)).containsExactly(0.25, 0.5);
		assertThat(result.gatewayOver(GatewayOverhead.DIRECT)).isEqualTo(0.25);
		assertThat(result.gatewayOverByRound(GatewayOverhead.NGINX)).isEmpty();
		assertThat(result.gatewayOver(GatewayOverhead.NGINX)).isNull();
	}

}
