package com.artisanmarket.gateway.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of several instances of a service: two of catalog-service, the
 * first answering and the second refusing connections (stopped, or not started yet), two
 * answering instances of artisan-service, and two of order-service, one refusing
 * connections and one hanging up on every request it reads. The balancer's health checks
 * are off here, so that calls do reach the instances that refuse (as they do between a
 * crash and the next check); {@link LoadBalancerHealthCheckIntegrationTests} has them on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "marketplace.gateway.health-checks=false")
@Import(InfrastructureTestConfiguration.class)
class LoadBalancingIntegrationTests {

	private static final ConcurrentLinkedQueue<String> catalogCalls = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<Integer> artisanCalls = new ConcurrentLinkedQueue<>();

	private static final HttpServer catalog = StandInServer.answering("{\"items\":[]}",
			(exchange) -> catalogCalls.add(exchange.getRequestMethod()));

	private static final List<HttpServer> artisans = new ArrayList<>();

	private static final ConcurrentLinkedQueue<String> orderCalls = new ConcurrentLinkedQueue<>();

	/** Reads each request, then closes the connection without an answer. */
	private static final HttpServer hangingUp = hangingUp();

	static {
		for (int i = 0; i < 2; i++) {
			int instance = i;
			artisans.add(StandInServer.answering("{}", (exchange) -> artisanCalls.add(instance)));
		}
	}

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("marketplace.gateway.services.catalog-service",
				() -> "http://127.0.0.1:" + catalog.getAddress().getPort() + ",http://127.0.0.1:" + FreePorts.next());
		registry.add("marketplace.gateway.services.artisan-service",
				() -> "http://127.0.0.1:" + artisans.get(0).getAddress().getPort() + ",http://127.0.0.1:"
						+ artisans.get(1).getAddress().getPort());
		registry.add("marketplace.gateway.services.order-service",
				() -> "http://127.0.0.1:" + FreePorts.next() + ",http://127.0.0.1:" + hangingUp.getAddress().getPort());
	}

	@AfterAll
	static void stopUpstreams() {
		catalog.stop(0);
		artisans.forEach((server) -> server.stop(0));
		hangingUp.stop(0);
	}

	@BeforeEach
	void forgetCalls() {
		catalogCalls.clear();
		artisanCalls.clear();
		orderCalls.clear();
	}

	@Test
	void spreadsCallsOverEveryInstance() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(send("GET", "/api/artisans?page=0").statusCode()).isEqualTo(200);
		}

		assertThat(artisanCalls).containsOnly(0, 1);
		assertThat(artisanCalls.stream().filter((instance) -> instance == 0)).hasSize(3);
	}

	@Test
	void retriesAReadOnAnotherInstanceWhenOneRefusesConnections() throws Exception {
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = send("GET", "/api/products?page=0");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"items\":[]}");
		}
		// Each read reached the answering instance once, whichever instance it tried
		// first.
		assertThat(catalogCalls).hasSize(6).containsOnly("GET");
	}

	@Test
	void sendsAWriteToTheNextInstanceOnlyWhenItsConnectionWasRefused() throws Exception {
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = send("POST", "/api/products");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		// Half of them tried the refusing instance first, which never saw them: each
		// write reached the answering instance once.
		assertThat(catalogCalls).hasSize(6).containsOnly("POST");
	}

	@Test
	void neverSendsAgainAWriteAnInstanceReceived() throws Exception {
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> response = send("POST", "/api/orders");

			assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
		}
		// The instance that hangs up got each write once, whether it was tried first or
		// after the refusing one; none was sent again after it had been received.
		assertThat(orderCalls).hasSize(4).containsOnly("POST");
	}

	private static HttpServer hangingUp() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				orderCalls.add(exchange.getRequestMethod());
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method,
					method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
