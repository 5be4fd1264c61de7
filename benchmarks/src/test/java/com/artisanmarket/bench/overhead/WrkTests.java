package com.artisanmarket.bench.overhead;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class WrkTests {

	@Test
	void readsTheRateTheMeanLatencyInMillisecondsAndTheErrors() {
		Wrk.Throughput throughput = Wrk.parse("""
				Running 10s test @ http://127.0.0.1:8080/api/products/p1
				  2 threads and 16 connections
				  Thread Stats   Avg      Stdev     Max   +/- Stdev
				    Latency   850.50us    1.02ms  20.11ms   91.49%
				    Req/Sec     9.71k   455.20    10.50k    70.00%
				  193214 requests in 10.01s, 150.02MB read
				  Socket errors: connect 0, read 2, write 0, timeout 1
				  Non-2xx or 3xx responses: 7
				Requests/sec:  19302.12
				Transfer/sec:     14.99MB
				""");

		assertThat(throughput.requestsPerSecond()).isEqualTo(19302.12);
		assertThat(throughput.meanLatencyMillis()).isCloseTo(0.8505, within(1e-9));
		assertThat(throughput.errors()).isEqualTo(10);
	}

	@Test
	void readsSecondsAndACleanRun() {
		Wrk.Throughput throughput = Wrk.parse("""
				    Latency     1.20s   281.76ms   1.92s    91.49%
				Requests/sec:     12.50
				""");

		assertThat(throughput.meanLatencyMillis()).isEqualTo(1200);
		assertThat(throughput.errors()).isZero();
	}

	@Test
	void failsWhenWrkReportedNoRate() {
		assertThatIllegalStateException().isThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1"));
	}

}
