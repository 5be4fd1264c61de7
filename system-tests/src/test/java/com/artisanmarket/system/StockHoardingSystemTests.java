package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's hoarder, end to end: a buyer who holds as many units of a piece as one buyer
 * may is refused the next one with nothing reserved, and when the artisan declines the
 * hoard, the stock comes back on sale through the real events and the buyer reads why.
 */
class StockHoardingSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	/**
	 * As the marketplace under test was started (system-tests/pom.xml), else the default.
	 */
	private static final int UNITS_CAP = Optional
		.ofNullable(System.getenv("MARKETPLACE_ORDERS_MAX_OPEN_UNITS_PER_PRODUCT"))
		.map(Integer::parseInt)
		.orElse(10);

	@Test
	void aBuyerCannotHoardAPieceAndTheArtisanDeclinesTheHoardBackOnSale() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(
						Map.of("displayName", "Rishtan Blue", "craft", "ceramics", "city", "Rishtan", "country", "UZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		int stock = UNITS_CAP + 5;
		HttpResponse<String> listed = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Rishtan bowl", "category",
						"CERAMICS", "price", Map.of("amount", "15.00", "currency", "USD"), "stock", stock)),
				artisan.authorization());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		String bowl = Http.json(listed).path("id").asString();
		Users.User hoarder = Users.signUp(marketplace, "BUYER");

		HttpResponse<String> hoard = place(hoarder, bowl, UNITS_CAP);
		assertThat(hoard.statusCode()).as(hoard.body()).isEqualTo(202);
		String hoardId = Http.json(hoard).path("id").asString();
		awaitStatus(hoarder, hoardId, "CONFIRMED");
		assertThat(stock(bowl)).isEqualTo(5);

		HttpResponse<String> oneMore = place(hoarder, bowl, 1);
		assertThat(oneMore.statusCode()).as(oneMore.body()).isEqualTo(422);
		assertThat(oneMore.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Http.json(oneMore).path("limit").asString()).isEqualTo("max-open-units-per-product");
		assertThat(Http.json(oneMore).path("maximum").asInt()).isEqualTo(UNITS_CAP);
		assertThat(Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders", hoarder.authorization()))
			.path("totalItems")
			.asLong()).as("the refused order is stored nowhere").isEqualTo(1);
		assertThat(stock(bowl)).as("and reserves nothing").isEqualTo(5);

		HttpResponse<String> declined = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + hoardId + "/decline",
				"{\"reason\": \"One buyer for my whole kiln is not a buyer\"}", artisan.authorization());
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);

		await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300)).until(() -> stock(bowl) == stock);
		JsonNode seen = awaitStatus(hoarder, hoardId, "CANCELLED");
		JsonNode history = seen.path("statusHistory");
		assertThat(history.get(history.size() - 1).path("reason").asString())
			.isEqualTo("declined by the artisan: One buyer for my whole kiln is not a buyer");
		assertThat(place(hoarder, bowl, 1).statusCode()).as("a declined order holds nothing").isEqualTo(202);
	}

	private static HttpResponse<String> place(Users.User buyer, String product, int quantity) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		return Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", quantity)),
						"shippingAddress", Map.of("fullName", "Dilnoza Karimova", "line1", "Mustaqillik 5", "city",
								"Tashkent", "postalCode", "100000", "country", "UZ"))),
				headers);
	}

	private static JsonNode awaitStatus(Users.User buyer, String orderId, String status) {
		return await().atMost(EVENTUALLY)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> Http
				.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + orderId, buyer.authorization())),
					(order) -> status.equals(order.path("status").asString()));
	}

	private static int stock(String product) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + product)).path("stock").asInt();
	}

}
