package com.artisanmarket.order.pricing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.artisanmarket.support.web.ServiceUnavailableException;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryMetricsAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How pricing treats what the catalogue answers, against a real HTTP server standing in
 * for catalog-service: only I/O errors, timeouts and 5xx count against the breaker or are
 * retried; ids that cannot be product ids never reach the catalogue. The breaker, retry
 * and time limiter are order-service's own, from its application.yml through
 * Resilience4j's auto-configuration.
 */
@SpringBootTest(classes = CatalogPricingTests.Resilience.class)
class CatalogPricingTests {

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
			TimeLimiterAutoConfiguration.class, CircuitBreakerMetricsAutoConfiguration.class,
			RetryMetricsAutoConfiguration.class })
	static class Resilience {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	TimeLimiterRegistry limiters;

	@Autowired
	MeterRegistry meters;

	private static final String QUOTE = """
			[{"productId":"p-1","title":"Rug","price":{"amount":"20.00","currency":"USD"},
			"artisanId":"a-1","ownerId":"o-1","stock":3}]""";

	private final List<String> queries = new CopyOnWriteArrayList<>();

	private HttpServer catalogue;

	@BeforeEach
	void closeTheBreaker() {
		this.breakers.circuitBreaker("catalog-service").reset();
	}

	@AfterEach
	void stop() {
		if (this.catalogue != null) {
			this.catalogue.stop(0);
		}
	}

	@Test
	void idsThatCannotBeProductIdsNeverReachTheCatalogueAndAreNotQuoted() {
		CatalogPricing pricing = pricing(200, QUOTE);

		Map<String, PriceQuote> quotes = pricing.quotes(List.of("{x}", "a,b", "%zz", "../x", "p-1"));

		assertThat(quotes).containsOnlyKeys("p-1");
		assertThat(this.queries).containsExactly("ids=p-1");
		assertThat(pricing.quotes(List.of("{x}"))).isEmpty();
		assertThat(this.queries).hasSize(1);
	}

	@Test
	void aCatalogueRefusingTheRequestIsNeitherRetriedNorCountedByTheBreaker() {
		CatalogPricing pricing = pricing(400, "{\"status\":400}");

		for (int i = 0; i < 30; i++) {
			Throwable refused = catchThrowable(() -> pricing.quotes(List.of("p-1")));
			assertThat(refused).isNotNull().isNotInstanceOf(ServiceUnavailableException.class);
		}

		assertThat(this.queries).hasSize(30);
		assertThat(pricing.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void serverErrorsAreRetriedAndOpenTheBreaker() {
		CatalogPricing pricing = pricing(500, "{\"status\":500}");
		double failedBefore = failedAfterRetries();

		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(ServiceUnavailableException.class)
				.isThrownBy(() -> pricing.quotes(List.of("p-1")));
		}

		assertThat(this.queries).hasSize(30);
		assertThat(pricing.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> pricing.quotes(List.of("p-1")));
		assertThat(this.queries).hasSize(30);
		// Resilience4j's own metrics describe the breaker and the retries.
		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tags("name", "catalog-service", "state", "open")
			.gauge()
			.value()).isEqualTo(1);
		assertThat(failedAfterRetries() - failedBefore).isEqualTo(10);
	}

	/** Resilience4j's count of calls that failed after their retries, over all tests. */
	private double failedAfterRetries() {
		return this.meters.get("resilience4j.retry.calls")
			.tags("name", "catalog-service", "kind", "failed_with_retry")
			.functionCounter()
			.count();
	}

	@Test
	void anUnreachableCatalogueOpensTheBreaker() throws IOException {
		CatalogPricing pricing = pricing(200, QUOTE);
		this.catalogue.stop(0);
		this.catalogue = null;

		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(ServiceUnavailableException.class)
				.isThrownBy(() -> pricing.quotes(List.of("p-1")));
		}

		assertThat(pricing.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	/**
	 * A body that stalls past the read timeout (as under overload) is an I/O error, seen
	 * while the response is being read: 503 for the buyer and retried, not a 500.
	 */
	@Test
	void aBodyThatStallsPastTheReadTimeoutIsACatalogueFailure() {
		CatalogPricing pricing = pricing(200, QUOTE, Duration.ofMillis(2500));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> pricing.quotes(List.of("p-1")));

		assertThat(this.queries).hasSize(3);
	}

	/**
	 * With several instances, calls take them in turn; one that refuses connections (a
	 * stopped instance) costs a retry on the next, never a refused order.
	 */
	@Test
	void pricesAtTheInstancesInTurnAndPastAStoppedOne() throws IOException {
		URI stopped;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			stopped = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		CatalogPricing pricing = pricing(200, QUOTE, Duration.ZERO, List.of(stopped));

		for (int i = 0; i < 10; i++) {
			assertThat(pricing.quotes(List.of("p-1"))).containsOnlyKeys("p-1");
		}

		// Every call reached the live instance once: half of them on their first attempt,
		// half on the retry after the stopped one refused.
		assertThat(this.queries).hasSize(10);
		assertThat(pricing.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private CatalogPricing pricing(int status, String body) {
		return pricing(status, body, Duration.ZERO);
	}

	private CatalogPricing pricing(int status, String body, Duration stall) {
		return pricing(status, body, stall, List.of());
	}

	/**
	 * A stand-in catalogue that sends half the body, waits {@code stall}, then the rest;
	 * priced at {@code moreInstances} and there (listed last).
	 */
	private CatalogPricing pricing(int status, String body, Duration stall, List<URI> moreInstances) {
		try {
			this.catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.catalogue.createContext("/api/products/pricing", (exchange) -> {
			this.queries.add(exchange.getRequestURI().getQuery());
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
			exchange.getResponseBody().flush();
			if (stall.isPositive()) {
				try {
					Thread.sleep(stall);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			try {
				exchange.getResponseBody().write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
			}
			catch (IOException ex) {
				// the client gave up waiting
			}
			exchange.close();
		});
		this.catalogue.start();
		List<URI> instances = new ArrayList<>(moreInstances);
		instances.add(URI.create("http://127.0.0.1:" + this.catalogue.getAddress().getPort()));
		return new CatalogPricing(new PricingProperties(instances, Duration.ofSeconds(1), Duration.ofSeconds(2)),
				RestClient.builder(), this.breakers, this.retries, this.limiters);
	}

}
