package com.artisanmarket.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of three stand-in upstreams: one that answers (after reading the
 * whole request, like a real service), one that nothing listens on, one that hangs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.timelimiter.configs.default.timeout-duration=1s",
				"marketplace.gateway.retry-after=7s" })
@Import(InfrastructureTestConfiguration.class)
class RoutingIntegrationTests {

	private static final CountDownLatch release = new CountDownLatch(1);

	private static final HttpServer answering = StandInServer.answering("{\"items\":[]}");

	private static final HttpServer hanging = StandInServer.answering("{}", (exchange) -> {
		try {
			release.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	});

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("marketplace.gateway.services.artisan-service",
				() -> "http://127.0.0.1:" + answering.getAddress().getPort());
		registry.add("marketplace.gateway.services.catalog-service", () -> "http://127.0.0.1:" + FreePorts.next());
		registry.add("marketplace.gateway.services.order-service",
				() -> "http://127.0.0.1:" + hanging.getAddress().getPort());
	}

	@AfterAll
	static void stopUpstreams() {
		release.countDown();
		answering.stop(0);
		hanging.stop(0);
	}

	@Test
	void passesAnswersOfARunningServiceThrough() throws Exception {
		HttpResponse<String> response = get("/api/artisans?page=0");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"items\":[]}");
	}

	@Test
	void answersProblem503WithRetryAfterWhenAServiceRefusesConnections() throws Exception {
		HttpResponse<String> response = get("/api/products/x");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(response.body()).contains("\"status\":503")
			.contains("\"title\":\"Service unavailable\"")
			.contains("catalog-service")
			.contains("\"instance\":\"/api/products/x\"");
	}

	@Test
	void answersNotFoundForTheFallbackOfAServiceThatIsNotConfigured() throws Exception {
		// The fallbacks are routes' targets, but reachable from outside too: a made-up
		// name used to get a 503 quoting it back ("The <b>x is not available").
		HttpResponse<String> response = get("/fallback/%3Cb%3Ex");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("<b>x");
		assertThat(get("/fallback/catalog-service").statusCode()).isEqualTo(503);
	}

	@Test
	void answersProblem503WhenAServiceIsTooSlowForTheTimeLimiter() throws Exception {
		// The upstream hangs for longer than the client waits, so only the time limiter
		// can answer.
		long start = System.nanoTime();
		HttpResponse<String> response = get("/api/orders/o-1");
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("503 for a hanging service after %d ms (time limiter 1 s)%n", millis);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("order-service");
	}

	@Test
	void timesAServiceOnlyOnceTheClientHasSentItsBodySoSlowClientsNeverOpenItsBreaker() throws Exception {
		// Twelve clients each take 2.4 s to send a small body, more than twice
		// the 1 s the time limiter allows. A route with a fallback reads the whole
		// body before its breaker runs (Spring Cloud Gateway keeps it for the
		// fallback), so the time limiter times the service alone: every call
		// succeeds, and the breaker (ten calls, half failed, opens it) stays closed.
		String url = "http://127.0.0.1:" + this.port + "/api/artisans";
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> slow = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				slow.add(clients.submit(() -> Http.postJsonSlowly(url, "{\"displayName\":\"Slow\"}", Map.of(), 12,
						Duration.ofMillis(200))));
			}
			for (Future<Integer> status : slow) {
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}

		assertThat(get("/api/artisans?page=0").statusCode()).isEqualTo(200);
	}

	@Test
	void exportsEachRoutesCircuitBreakerAsResilience4jMetrics() throws Exception {
		assertThat(get("/api/artisans?page=0").statusCode()).isEqualTo(200);
		assertThat(get("/api/products/x").statusCode()).isEqualTo(503);

		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "artisan-service").gauges())
			.isNotEmpty();
		assertThat(this.meters.find("resilience4j.circuitbreaker.calls")
			.tags("name", "catalog-service", "kind", "failed")
			.timer()).isNotNull().satisfies((failed) -> assertThat(failed.count()).isPositive());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
