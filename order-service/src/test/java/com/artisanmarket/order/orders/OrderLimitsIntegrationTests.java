package com.artisanmarket.order.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One buyer cannot hold a shop's stock (issue 17): an order that takes its buyer past the
 * units of one product or the number of orders not yet shipped is refused with 422 and
 * stored nowhere, also when the buyer's orders arrive at once; one within the caps is
 * placed. Orders go through the real HTTP API; a stand-in catalogue prices them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "marketplace.orders.max-open-units-per-product=5",
				"marketplace.orders.max-open-orders-per-buyer=3" })
@Import(InfrastructureTestConfiguration.class)
class OrderLimitsIntegrationTests {

	private static final HttpServer catalogue = standInCatalogue();

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@DynamicPropertySource
	static void catalogueUrl(DynamicPropertyRegistry registry) {
		registry.add("marketplace.orders.catalog-service-url",
				() -> "http://127.0.0.1:" + catalogue.getAddress().getPort());
	}

	@AfterAll
	static void stopCatalogue() {
		catalogue.stop(0);
	}

	@Test
	void refusesAnOrderPastTheUnitsOfOneProductAndPlacesOneWithinThem() {
		String buyer = newBuyer();
		String rug = "rug-" + UUID.randomUUID();
		String firstOrder = Http.json(placed(buyer, Map.of(rug, 3))).path("id").asString();
		placed(buyer, Map.of(rug, 2));

		HttpResponse<String> refused = place(buyer, Map.of(rug, 1));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = Http.json(refused);
		assertThat(problem.path("type").asString())
			.isEqualTo("https://artisan-marketplace.example/problems/order-limit");
		assertThat(problem.path("limit").asString()).isEqualTo("max-open-units-per-product");
		assertThat(problem.path("maximum").asInt()).isEqualTo(5);
		assertThat(problem.path("open").asInt()).isEqualTo(5);
		assertThat(problem.path("productId").asString()).isEqualTo(rug);
		assertThat(problem.path("detail").asString()).contains("at most 5 units");
		assertThat(ordersOf(buyer)).as("nothing of the refused order is stored").isEqualTo(2);
		assertThat(place(buyer, Map.of("other-" + UUID.randomUUID(), 5)).statusCode())
			.as("another product is within its own cap")
			.isEqualTo(202);

		assertThat(Http.postJson(url("/api/orders/" + firstOrder + "/cancel"), "{}", auth(buyer)).statusCode())
			.isEqualTo(200);
		assertThat(place(buyer, Map.of(rug, 3)).statusCode()).as("a cancelled order holds nothing any more")
			.isEqualTo(202);
	}

	@Test
	void refusesAnOrderPastTheOpenOrdersOfOneBuyerButNotAnotherBuyers() {
		String buyer = newBuyer();
		for (int i = 0; i < 3; i++) {
			placed(buyer, Map.of("bowl-" + UUID.randomUUID(), 1));
		}

		HttpResponse<String> refused = place(buyer, Map.of("bowl-" + UUID.randomUUID(), 1));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(Http.json(refused).path("limit").asString()).isEqualTo("max-open-orders-per-buyer");
		assertThat(Http.json(refused).path("maximum").asInt()).isEqualTo(3);
		assertThat(ordersOf(buyer)).isEqualTo(3);
		assertThat(place(newBuyer(), Map.of("bowl-" + UUID.randomUUID(), 1)).statusCode()).isEqualTo(202);
	}

	@Test
	void refusesAnOrderThatAloneHoldsMoreThanTheCap() {
		String buyer = newBuyer();

		HttpResponse<String> refused = place(buyer, Map.of("ring-" + UUID.randomUUID(), 6));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(Http.json(refused).path("requested").asInt()).isEqualTo(6);
		assertThat(ordersOf(buyer)).isZero();
	}

	@Test
	void placesNoMoreThanTheCapWhenOneBuyersOrdersArriveAtOnce() throws Exception {
		String buyer = newBuyer();
		String tray = "tray-" + UUID.randomUUID();
		List<Callable<Integer>> placements = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			placements.add(() -> place(buyer, Map.of(tray, 2)).statusCode());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
			for (Future<Integer> status : pool.invokeAll(placements)) {
				statuses.add(status.get());
			}
		}

		assertThat(statuses).as("two orders of 2 units fit under 5, a third does not").containsOnly(202, 422);
		assertThat(statuses.stream().filter((status) -> status == 202)).hasSize(2);
		assertThat(ordersOf(buyer)).isEqualTo(2);
	}

	private HttpResponse<String> placed(String buyer, Map<String, Integer> items) {
		HttpResponse<String> placed = place(buyer, items);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		return placed;
	}

	private HttpResponse<String> place(String buyer, Map<String, Integer> items) {
		Map<String, String> headers = new HashMap<>(auth(buyer));
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		List<Map<String, Object>> lines = items.entrySet()
			.stream()
			.map((item) -> Map.<String, Object>of("productId", item.getKey(), "quantity", item.getValue()))
			.toList();
		return Http
			.postJson(
					url("/api/orders"), Http.toJson(Map.of("items", lines, "shippingAddress", Map.of("fullName",
							"Leyla", "line1", "Nizami 1", "city", "Baku", "postalCode", "AZ1000", "country", "AZ"))),
					headers);
	}

	private long ordersOf(String buyer) {
		return this.mongo.count(new Query(Criteria.where("buyerId").is(buyer)), Order.class);
	}

	private static String newBuyer() {
		return "buyer-" + UUID.randomUUID();
	}

	private static Map<String, String> auth(String account) {
		return Map.of("Authorization", TestTokens.bearer(account, "BUYER"));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * Prices every product asked for at 10 USD, made by one artisan, with plenty of
	 * stock.
	 */
	private static HttpServer standInCatalogue() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/products/pricing", (exchange) -> {
				String ids = exchange.getRequestURI().getQuery().replaceFirst("^ids=", "");
				String quotes = Arrays.stream(ids.split(","))
					.map((id) -> Http.toJson(Map.of("productId", id, "title", "Piece " + id, "price",
							Map.of("amount", "10.00", "currency", "USD"), "artisanId", "artisan-1", "ownerId",
							"artisan-account-1", "stock", 1000)))
					.collect(Collectors.joining(",", "[", "]"));
				byte[] body = quotes.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
