package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters for operators: an event a service fails to process lands in its
 * dead-letter topic and is listed with its error; once the cause is gone, a replay from
 * the admin's endpoint applies it, once.
 */
class DeadLetterReplaySystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private boolean refusing;

	@AfterEach
	void artisanServiceRunsNormally() {
		if (this.refusing) {
			withoutTheCause();
		}
	}

	/** Starts artisan-service again with its usual settings. */
	private void withoutTheCause() {
		marketplace.stop(Stack.ARTISAN_SERVICE);
		marketplace.restart(Stack.ARTISAN_SERVICE);
		this.refusing = false;
	}

	@Test
	void aDeadLetteredEventIsListedAndAReplayAfterTheFixAppliesItOnce() {
		Users.User admin = Users.admin(marketplace);
		// The cause: this artisan-service fails every OrderDelivered it reads.
		marketplace.stop(Stack.ARTISAN_SERVICE);
		marketplace.start(Stack.ARTISAN_SERVICE, "--marketplace.events.refuse-types=OrderDelivered");
		this.refusing = true;

		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans", Http
			.toJson(Map.of("displayName", "Replay Carvers", "craft", "woodcarving", "city", "Khiva", "country", "UZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		String artisanId = Http.json(profile).path("id").asString();
		String product = Http
			.json(Http.postJson(marketplace.gatewayUrl() + "/api/products",
					Http.toJson(Map.of("title", "Carved walnut box", "category", "WOODWORK", "price",
							Map.of("amount", "70.00", "currency", "USD"), "stock", 3)),
					owner.authorization()))
			.path("id")
			.asString();
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String order = deliveredOrder(buyer, owner, product);

		JsonNode deadLetter = await().atMost(EVENTUALLY)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> deadLetterOf(admin, order), (found) -> found != null);
		assertThat(deadLetter.path("originalTopic").asString()).isEqualTo("order-events");
		assertThat(deadLetter.path("error").asString()).contains("refusing OrderDelivered");
		assertThat(deadLetter.path("replayedAt").isNull()).isTrue();
		assertThat(stats(owner, artisanId).path("deliveredOrders").asLong()).isZero();

		withoutTheCause();
		JsonNode replayed = replay(admin, deadLetter);
		assertThat(replayed.path("results").get(0).path("result").asString()).isEqualTo("REPLAYED");

		await().atMost(EVENTUALLY).until(() -> stats(owner, artisanId).path("deliveredOrders").asLong(), (n) -> n == 1);
		assertThat(replay(admin, deadLetter).path("results").get(0).path("result").asString())
			.isEqualTo("ALREADY_REPLAYED");
		assertThat(deadLetterOf(admin, order).path("replayedAt").asString()).isNotBlank();
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> stats(owner, artisanId).path("deliveredOrders").asLong(), (n) -> n == 1);
	}

	private static String deliveredOrder(Users.User buyer, Users.User owner, String product) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		String order = Http
			.json(Http
				.postJson(marketplace.gatewayUrl() + "/api/orders",
						Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)),
								"shippingAddress", Map.of("fullName", "Nodira Saidova", "line1", "Islam Khoja 3",
										"city", "Khiva", "postalCode", "220900", "country", "UZ"))),
						headers))
			.path("id")
			.asString();
		await().atMost(EVENTUALLY)
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + order, buyer.authorization()))
				.path("status")
				.asString(), "CONFIRMED"::equals);
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/orders/" + order + "/shipments", "{}", owner.authorization())
			.statusCode()).isEqualTo(200);
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/orders/" + order + "/delivery", "{}", buyer.authorization())
			.statusCode()).isEqualTo(200);
		return order;
	}

	private static JsonNode deadLetterOf(Users.User admin, String orderId) {
		HttpResponse<String> response = Http.get(marketplace.gatewayUrl() + "/api/admin/dead-letters",
				admin.authorization());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		for (JsonNode service : Http.json(response).path("services")) {
			if ("artisan-service".equals(service.path("service").asString())) {
				for (JsonNode record : service.path("records")) {
					if (orderId.equals(record.path("key").asString())) {
						return record;
					}
				}
			}
		}
		return null;
	}

	private static JsonNode replay(Users.User admin, JsonNode deadLetter) {
		HttpResponse<String> response = Http
			.postJson(marketplace.gatewayUrl() + "/api/admin/dead-letters/replay",
					Http.toJson(Map.of("service", "artisan-service", "topic", deadLetter.path("topic").asString(),
							"partition", deadLetter.path("partition").asInt(), "offset",
							deadLetter.path("offset").asLong())),
					admin.authorization());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static JsonNode stats(Users.User owner, String artisanId) {
		return Http
			.json(Http.get(marketplace.gatewayUrl() + "/api/artisans/" + artisanId + "/stats", owner.authorization()));
	}

}
