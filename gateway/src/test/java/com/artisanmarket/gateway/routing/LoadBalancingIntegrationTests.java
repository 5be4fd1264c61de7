package com.artisanmarket.gateway.routing;

import java.io.IOException;
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
 * first answering and the second refusing connections (stopped, or not started yet), and
 * two answering instances of artisan-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class LoadBalancingIntegrationTests {

	private static final ConcurrentLinkedQueue<String> catalogCalls = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<Integer> artisanCalls = new ConcurrentLinkedQueue<>();

	private static final HttpServer catalog = StandInServer.answering("{\"items\":[]}",
			(exchange) -> catalogCalls.add(exchange.getRequestMethod()));

	private static final List<HttpServer> artisans = new ArrayList<>();

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
		registry.add("marketplace.gateway.services.order-service", () -> "http://127.0.0.1:" + FreePorts.next());
	}

	@AfterAll
	static void stopUpstreams() {
		catalog.stop(0);
		artisans.forEach((server) -> server.stop(0));
	}

	@BeforeEach
	void forgetCalls() {
		catalogCalls.clear();
		artisanCalls.clear();
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
	void neverRetriesAWrite() throws Exception {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(send("POST", "/api/products").statusCode());
		}

		// Half the writes went to the instance that refuses them and were answered 503,
		// not sent again to the other one.
		assertThat(statuses).containsOnly(200, 503);
		assertThat(statuses.stream().filter((status) -> status == 503)).hasSize(3);
		assertThat(catalogCalls).hasSize(3).containsOnly("POST");
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
