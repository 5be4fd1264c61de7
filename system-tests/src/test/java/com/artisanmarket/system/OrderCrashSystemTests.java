package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders reach a final answer across a crash of order-service and of the broker. */
class OrderCrashSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void everyPartIsBack() {
		marketplace.restart(Stack.KAFKA);
		marketplace.restart(Stack.ORDER_SERVICE);
	}

	@Test
	void anOrderAnsweredAndThenLostWithItsServiceIsConfirmedAfterRestart() {
		String product = workshopProduct("Crash-proof Rugs", 5);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		marketplace.kill(Stack.ORDER_SERVICE);
		marketplace.start(Stack.ORDER_SERVICE, "--marketplace.outbox.held=true");

		HttpResponse<String> placed = place(buyer, product);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String id = Http.json(placed).path("id").asString();
		marketplace.kill(Stack.ORDER_SERVICE);
		marketplace.restart(Stack.ORDER_SERVICE);

		await().atMost(Duration.ofSeconds(90)).until(() -> status(buyer, id), "CONFIRMED"::equals);
		assertThat(stock(product)).isEqualTo(4);
	}

	@Test
	void everyOrderIsFinalAndNothingOversoldWhenTheBrokerDiesDuringAHundredPlacements() throws Exception {
		int stock = 30;
		String product = workshopProduct("Busy Workshop", stock);
		List<Users.User> buyers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			buyers.add(Users.signUp(marketplace, "BUYER"));
		}
		List<Callable<PlacedOrder>> placements = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Users.User buyer = buyers.get(i % buyers.size());
			placements.add(() -> {
				HttpResponse<String> placed = place(buyer, product);
				assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
				return new PlacedOrder(buyer, Http.json(placed).path("id").asString());
			});
		}
		List<PlacedOrder> orders = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			List<Future<PlacedOrder>> results = new ArrayList<>();
			for (Callable<PlacedOrder> placement : placements) {
				results.add(pool.submit(placement));
			}
			marketplace.kill(Stack.KAFKA);
			for (Future<PlacedOrder> result : results) {
				orders.add(result.get());
			}
		}
		marketplace.restart(Stack.KAFKA);

		Map<String, Integer> outcomes = new HashMap<>();
		for (PlacedOrder order : orders) {
			String status = await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> status(order.buyer(), order.id()), (s) -> !s.equals("PENDING"));
			outcomes.merge(status, 1, Integer::sum);
		}
		System.out.printf("100 orders for stock %d across a broker crash: %s%n", stock, outcomes);
		assertThat(outcomes).containsOnlyKeys("CONFIRMED", "REJECTED");
		assertThat(outcomes.get("CONFIRMED")).isEqualTo(stock);
		assertThat(stock(product)).isZero();
	}

	private static String status(Users.User buyer, String orderId) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + orderId, buyer.authorization()))
			.path("status")
			.asString();
	}

	private static HttpResponse<String> place(Users.User buyer, String product) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		return Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "shippingAddress",
						Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku", "postalCode",
								"AZ1000", "country", "AZ"))),
				headers);
	}

	private static int stock(String product) {
		JsonNode json = Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + product));
		return json.path("stock").asInt();
	}

	record PlacedOrder(Users.User buyer, String id) {

	}

	private static String workshopProduct(String name, int stock) {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", name, "craft", "crafts", "city", "Baku", "country", "AZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		HttpResponse<String> product = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", name + " piece", "category",
						"OTHER", "price", Map.of("amount", "20.00", "currency", "USD"), "stock", stock)),
				owner.authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
		return Http.json(product).path("id").asString();
	}

}
