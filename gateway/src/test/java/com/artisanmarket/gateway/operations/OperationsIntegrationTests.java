package com.artisanmarket.gateway.operations;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations panel reads every service's Actuator through the gateway's own, observed
 * HTTP client: its calls carry the trace of the admin's request, so a slow panel can be
 * followed into the service that made it slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class OperationsIntegrationTests {

	/** The {@code traceparent} header of every call the stand-in services received. */
	private static final List<String> traceparents = new CopyOnWriteArrayList<>();

	private static final HttpServer actuator = StandInServer.answering("{\"status\":\"UP\"}",
			(exchange) -> traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"))));

	/** A second instance of catalog-service. */
	private static final HttpServer secondCatalog = StandInServer.answering("{\"status\":\"UP\"}",
			(exchange) -> traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"))));

	/** A second gateway. */
	private static final HttpServer secondGateway = StandInServer.answering("{\"status\":\"UP\"}",
			(exchange) -> traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"))));

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void managementPorts(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + actuator.getAddress().getPort();
		registry.add("marketplace.gateway.management.artisan-service", () -> url);
		registry.add("marketplace.gateway.management.catalog-service",
				() -> url + ",http://127.0.0.1:" + secondCatalog.getAddress().getPort());
		registry.add("marketplace.gateway.management.order-service", () -> url);
		registry.add("marketplace.gateway.management.gateway",
				() -> url + ",http://127.0.0.1:" + secondGateway.getAddress().getPort());
	}

	@AfterAll
	static void stopActuator() {
		actuator.stop(0);
		secondCatalog.stop(0);
		secondGateway.stop(0);
	}

	@Test
	void readsTheServicesWithinTheAdminsTrace() throws IOException {
		HttpResponse<String> operations = operations(this.port);

		assertThat(operations.statusCode()).as(operations.body()).isEqualTo(200);
		assertThat(Http.json(operations).path("parts").findValuesAsString("status")).contains("UP");
		// A row per instance: the gateway and catalog-service run twice.
		assertThat(Http.json(operations).path("parts").findValuesAsString("name")).containsExactly("gateway", "gateway",
				"artisan-service", "catalog-service", "catalog-service", "order-service", "kafka", "mongo");
		String first = "127.0.0.1:" + actuator.getAddress().getPort();
		assertThat(Http.json(operations).path("parts").findValuesAsString("instance")).containsExactly(first,
				"127.0.0.1:" + secondGateway.getAddress().getPort(), first, first,
				"127.0.0.1:" + secondCatalog.getAddress().getPort(), first);
		// Six instances, three Actuator paths each.
		assertThat(traceparents).hasSize(18).allSatisfy((header) -> assertThat(header).matches("00-[0-9a-f]{32}-.+"));
		assertThat(traceparents.stream().map((header) -> header.substring(3, 35)).distinct())
			.as("one trace for the whole panel")
			.hasSize(1);
	}

	/** The operations overview, asked by the admin of the gateway on the given port. */
	static HttpResponse<String> operations(int port) throws IOException {
		String gateway = "http://127.0.0.1:" + port;
		String password = Files.readString(Path.of("target/test-data/admin-password")).trim();
		HttpResponse<String> login = Http.postJson(gateway + "/api/auth/login",
				Http.toJson(Map.of("email", "admin@artisan-marketplace.local", "password", password)));
		String token = Http.json(login).path("accessToken").asString();
		return Http.get(gateway + "/api/admin/operations", Map.of("Authorization", "Bearer " + token));
	}

}
