package com.artisanmarket.gateway.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The balancer asks every instance whether it takes requests ({@code /routable} on its
 * public port, every 5 s) and sends requests only to those that say so: two instances of
 * artisan-service, the second not ready until the test lets it be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class LoadBalancerHealthCheckIntegrationTests {

	private static final ConcurrentLinkedQueue<Integer> calls = new ConcurrentLinkedQueue<>();

	private static final AtomicBoolean secondReady = new AtomicBoolean(false);

	private static final List<HttpServer> instances = List.of(instance(0, new AtomicBoolean(true)),
			instance(1, secondReady));

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("marketplace.gateway.services.artisan-service",
				() -> "http://127.0.0.1:" + instances.get(0).getAddress().getPort() + ",http://127.0.0.1:"
						+ instances.get(1).getAddress().getPort());
	}

	@AfterAll
	static void stopInstances() {
		instances.forEach((server) -> server.stop(0));
	}

	@Test
	void sendsRequestsOnlyToInstancesThatSayTheyTakeThem() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(send("/api/artisans?page=0").statusCode()).isEqualTo(200);
		}
		assertThat(calls).hasSize(6).containsOnly(0);

		secondReady.set(true);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			calls.clear();
			for (int i = 0; i < 6; i++) {
				assertThat(send("/api/artisans?page=0").statusCode()).isEqualTo(200);
			}
			// Both take calls again (how evenly depends on where in its round of checks
			// the balancer is: each round lists the instances as their answers come).
			assertThat(calls).contains(0, 1);
		});
	}

	private HttpResponse<String> send(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A stand-in instance: {@code /routable} says whether it is ready, all else is 200.
	 */
	private static HttpServer instance(int number, AtomicBoolean ready) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/routable", (exchange) -> answer(exchange, ready.get() ? 200 : 503,
					ready.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}"));
			server.createContext("/", (exchange) -> {
				calls.add(number);
				answer(exchange, 200, "{}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
