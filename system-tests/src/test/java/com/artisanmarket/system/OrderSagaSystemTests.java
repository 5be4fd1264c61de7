package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/** The order saga end to end, through the gateway, the real broker and the catalogue. */
class OrderSagaSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void catalogIsBack() {
		marketplace.restart(Stack.CATALOG_SERVICE);
	}

	@Test
	void anOrderIsConfirmedAndTakesTheStock() {
		Workshop workshop = workshop("Quba Rugs");
		String product = workshop.list("Quba rug", 5);
		Users.User buyer = Users.signUp(marketplace, "BUYER");

		HttpResponse<String> placed = place(buyer, UUID.randomUUID().toString(), Map.of(product, 2));

		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		JsonNode order = Http.json(placed);
		assertThat(order.path("status").asString()).isEqualTo("PENDING");
		assertThat(order.path("total").toString()).isEqualTo("{\"amount\":\"40.00\",\"currency\":\"USD\"}");
		assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + order.path("id").asString());
		awaitStatus(buyer, order.path("id").asString(), "CONFIRMED");
		assertThat(stock(product)).isEqualTo(3);
	}

	@Test
	void anOrderIsRejectedForStockWithTheReason() {
		String product = workshop("Rishtan Plates").list("Blue plate", 1);
		Users.User buyer = Users.signUp(marketplace, "BUYER");

		String id = Http.json(place(buyer, UUID.randomUUID().toString(), Map.of(product, 3))).path("id").asString();

		JsonNode rejected = awaitStatus(buyer, id, "REJECTED");
		JsonNode last = rejected.path("statusHistory").get(rejected.path("statusHistory").size() - 1);
		assertThat(last.path("reason").asString()).contains(product).contains("1 in stock, 3 ordered");
		assertThat(last.path("problems").toString()).isEqualTo(
				"[{\"productId\":\"" + product + "\",\"code\":\"OUT_OF_STOCK\",\"requested\":3,\"available\":1}]");
		assertThat(stock(product)).isEqualTo(1);
	}

	@Test
	void cancellingGivesTheStockBack() {
		String product = workshop("Lahij Copper").list("Copper jug", 4);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String id = Http.json(place(buyer, UUID.randomUUID().toString(), Map.of(product, 3))).path("id").asString();
		awaitStatus(buyer, id, "CONFIRMED");
		assertThat(stock(product)).isEqualTo(1);

		HttpResponse<String> cancelled = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/cancel",
				"{\"reason\": \"ordered twice\"}", buyer.authorization());

		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(Http.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
		await().atMost(EVENTUALLY).until(() -> stock(product) == 4);
	}

	@Test
	void aTwoArtisanOrderIsShippedOnlyWhenBothHaveShippedThenDelivered() {
		Workshop carpets = workshop("Sheki Carpets");
		Workshop silver = workshop("Bukhara Silver");
		String rug = carpets.list("Sheki rug", 2);
		String ring = silver.list("Silver ring", 2);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String id = Http.json(place(buyer, UUID.randomUUID().toString(), Map.of(rug, 1, ring, 1)))
			.path("id")
			.asString();
		awaitStatus(buyer, id, "CONFIRMED");

		HttpResponse<String> seenByCarpets = Http.get(marketplace.gatewayUrl() + "/api/orders/" + id,
				carpets.owner().authorization());
		assertThat(Http.json(seenByCarpets).path("lines").size()).as("an artisan sees only their own lines")
			.isEqualTo(1);
		assertThat(ship(carpets, id).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(ship(silver, id).path("status").asString()).isEqualTo("SHIPPED");

		HttpResponse<String> cancelLate = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/cancel",
				"{}", buyer.authorization());
		assertThat(cancelLate.statusCode()).isEqualTo(409);
		HttpResponse<String> delivered = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/delivery",
				"{}", buyer.authorization());
		assertThat(Http.json(delivered).path("status").asString()).isEqualTo("DELIVERED");

		await().atMost(EVENTUALLY).untilAsserted(() -> {
			JsonNode stats = Http
				.json(Http.get(marketplace.gatewayUrl() + "/api/artisans/" + carpets.artisanId() + "/stats",
						carpets.owner().authorization()));
			assertThat(stats.path("orders").asLong()).isEqualTo(1);
			assertThat(stats.path("deliveredOrders").asLong()).isEqualTo(1);
		});
	}

	@Test
	void anArtisanSeesNothingOfAnotherArtisansRejectedLineNorTheAddressOfAnUnconfirmedOrder() {
		Workshop carpets = workshop("Quba Looms");
		Workshop silver = workshop("Lahij Silver");
		String rug = carpets.list("Quba runner", 2);
		String ring = silver.list("Lahij ring", 1);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String id = Http.json(place(buyer, UUID.randomUUID().toString(), Map.of(rug, 1, ring, 3)))
			.path("id")
			.asString();
		awaitStatus(buyer, id, "REJECTED");

		JsonNode seen = Http
			.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + id, carpets.owner().authorization()));

		assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
		assertThat(seen.path("statusHistory").toString()).doesNotContain(ring).doesNotContain("in stock");
		assertThat(seen.path("shippingAddress").isMissingNode() || seen.path("shippingAddress").isNull())
			.as("the buyer's address of an order never confirmed")
			.isTrue();
		assertThat(Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + id, buyer.authorization()))
			.path("statusHistory")
			.toString()).contains(ring);
	}

	@Test
	void placesExactlyOneOrderFromConcurrentRetriesWithOneKey() throws Exception {
		String product = workshop("Khiva Carvers").list("Carved box", 20);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String key = UUID.randomUUID().toString();
		List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			attempts.add(() -> place(buyer, key, Map.of(product, 1)));
		}
		Set<String> ids = new HashSet<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (Future<HttpResponse<String>> attempt : pool.invokeAll(attempts)) {
				assertThat(attempt.get().statusCode()).as(attempt.get().body()).isEqualTo(202);
				ids.add(Http.json(attempt.get()).path("id").asString());
			}
		}
		assertThat(ids).hasSize(1);

		HttpResponse<String> otherBody = place(buyer, key, Map.of(product, 2));
		assertThat(otherBody.statusCode()).isEqualTo(422);
		HttpResponse<String> noKey = Http.postJson(marketplace.gatewayUrl() + "/api/orders", order(Map.of(product, 1)),
				buyer.authorization());
		assertThat(noKey.statusCode()).isEqualTo(400);
		awaitStatus(buyer, ids.iterator().next(), "CONFIRMED");
		assertThat(stock(product)).isEqualTo(19);
	}

	@Test
	void refusesUnknownProductsAndMixedCurrenciesWithAReasonPerLine() {
		Workshop workshop = workshop("Mixed Currencies");
		String dollars = workshop.list("Priced in dollars", 3);
		HttpResponse<String> euros = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Priced in euros", "category",
						"OTHER", "price", Map.of("amount", "20.00", "currency", "EUR"), "stock", 3)),
				workshop.owner().authorization());
		Users.User buyer = Users.signUp(marketplace, "BUYER");

		HttpResponse<String> unknown = place(buyer, UUID.randomUUID().toString(),
				Map.of(dollars, 1, "no-such-product", 1));
		HttpResponse<String> mixed = place(buyer, UUID.randomUUID().toString(),
				Map.of(dollars, 1, Http.json(euros).path("id").asString(), 1));

		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
		assertThat(Http.json(unknown).path("lines").get(0).path("productId").asString()).isEqualTo("no-such-product");
		assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(422);
		assertThat(Http.json(mixed).path("lines").toString()).contains("one order holds one currency");
		assertThat(Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders", buyer.authorization()))
			.path("totalItems")
			.asLong()).isZero();
	}

	@Test
	void refusesWith503AndStoresNothingWhileTheCatalogueIsDown() {
		String product = workshop("Ganja Silk").list("Silk scarf", 3);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		marketplace.kill(Stack.CATALOG_SERVICE);

		HttpResponse<String> refused = place(buyer, UUID.randomUUID().toString(), Map.of(product, 1));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		JsonNode mine = Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders", buyer.authorization()));
		assertThat(mine.path("totalItems").asLong()).isZero();
	}

	private static JsonNode ship(Workshop workshop, String orderId) {
		HttpResponse<String> shipped = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + orderId + "/shipments",
				"{\"trackingRef\": \"AZPOST-" + UUID.randomUUID() + "\"}", workshop.owner().authorization());
		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
		return Http.json(shipped);
	}

	private static JsonNode awaitStatus(Users.User buyer, String orderId, String status) {
		return await().atMost(EVENTUALLY)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> Http
				.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + orderId, buyer.authorization())),
					(order) -> status.equals(order.path("status").asString()));
	}

	private static HttpResponse<String> place(Users.User buyer, String key, Map<String, Integer> items) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", key);
		return Http.postJson(marketplace.gatewayUrl() + "/api/orders", order(items), headers);
	}

	private static String order(Map<String, Integer> items) {
		List<Map<String, Object>> lines = new ArrayList<>();
		new TreeMap<>(items)
			.forEach((product, quantity) -> lines.add(Map.of("productId", product, "quantity", quantity)));
		return Http.toJson(Map.of("items", lines, "shippingAddress", Map.of("fullName", "Leyla Aliyeva", "line1",
				"Nizami 10", "city", "Baku", "postalCode", "AZ1000", "country", "AZ")));
	}

	private static int stock(String product) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + product)).path("stock").asInt();
	}

	private static Workshop workshop(String name) {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", name, "craft", "crafts", "city", "Baku", "country", "AZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		return new Workshop(owner, Http.json(profile).path("id").asString());
	}

	record Workshop(Users.User owner, String artisanId) {

		String list(String title, int stock) {
			HttpResponse<String> product = Http.postJson(
					marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", title, "category", "OTHER",
							"price", Map.of("amount", "20.00", "currency", "USD"), "stock", stock)),
					this.owner.authorization());
			assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
			return Http.json(product).path("id").asString();
		}

	}

}
