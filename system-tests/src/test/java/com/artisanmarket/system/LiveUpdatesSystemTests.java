package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.EventStream;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates through the whole marketplace: a buyer's question reaches the artisan's
 * open event stream, an order's confirmation reaches the buyer's, and a reconnect with
 * {@code Last-Event-ID} is replayed the shipment it missed, once.
 */
class LiveUpdatesSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration SOON = Duration.ofSeconds(30);

	@Test
	void aMessageReachesTheArtisansOpenStreamWithinASecondAndNobodyElseSeesTheConversation() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		String product = listProduct(artisan, "Shebeke window");
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		try (EventStream artisans = EventStream.open(gateway("/api/me/events?ticket=" + ticket(artisan)), Map.of())) {
			artisans.next("ready", SOON);
			long asked = System.nanoTime();
			HttpResponse<String> question = Http.postJson(gateway("/api/conversations"),
					Http.toJson(Map.of("productId", product, "text", "Can it be made 60 cm wide?")),
					buyer.authorization());
			assertThat(question.statusCode()).as(question.body()).isEqualTo(201);
			String conversation = Http.json(question).path("id").asString();
			EventStream.Event message = artisans.next("message", Duration.ofSeconds(1));
			System.out.printf("A message reached the artisan's stream %d ms after it was sent%n",
					Duration.ofNanos(System.nanoTime() - asked).toMillis());
			assertThat(JSON.readTree(message.data()).path("conversationId").asString()).isEqualTo(conversation);

			Users.User third = Users.signUp(marketplace, "BUYER");
			assertThat(Http.get(gateway("/api/conversations/" + conversation + "/messages"), third.authorization())
				.statusCode()).isEqualTo(404);
			assertThat(Http
				.postJson(gateway("/api/conversations/" + conversation + "/messages"), "{\"text\": \"Me too\"}",
						third.authorization())
				.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aBuyerSeesTheirOrderConfirmedAndAfterAReconnectTheShipmentTheyMissedOnce() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		String product = listProduct(artisan, "Copper jug");
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String orderId;
		String lastSeen;
		try (EventStream buyers = EventStream.open(gateway("/api/me/events"), buyer.authorization());
				EventStream artisans = EventStream.open(gateway("/api/me/events"), artisan.authorization())) {
			buyers.next("ready", SOON);
			artisans.next("ready", SOON);
			Map<String, String> headers = new HashMap<>(buyer.authorization());
			headers.put("Idempotency-Key", UUID.randomUUID().toString());
			HttpResponse<String> placed = Http.postJson(gateway("/api/orders"), order(product), headers);
			assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
			orderId = Http.json(placed).path("id").asString();

			EventStream.Event confirmed = buyers.next("order-status", SOON);
			assertThat(JSON.readTree(confirmed.data()).path("orderId").asString()).isEqualTo(orderId);
			assertThat(JSON.readTree(confirmed.data()).path("status").asString()).isEqualTo("CONFIRMED");
			JsonNode newOrder = JSON.readTree(artisans.next("new-order", SOON).data());
			assertThat(newOrder.path("orderId").asString()).isEqualTo(orderId);
			assertThat(newOrder.path("lines").get(0).path("title").asString()).isEqualTo("Copper jug");
			lastSeen = confirmed.id();
		}

		try (EventStream witness = EventStream.open(gateway("/api/me/events"), buyer.authorization())) {
			witness.next("ready", SOON);
			HttpResponse<String> shipped = Http.postJson(gateway("/api/orders/" + orderId + "/shipments"),
					"{\"trackingRef\": \"AZPOST-7\"}", artisan.authorization());
			assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
			assertThat(witness.next("order-status", SOON).data()).contains("SHIPPED");
		}
		Map<String, String> resuming = new HashMap<>(buyer.authorization());
		resuming.put("Last-Event-ID", lastSeen);
		try (EventStream again = EventStream.open(gateway("/api/me/events"), resuming)) {
			again.next("ready", SOON);
			List<EventStream.Event> replayed = again.drain(Duration.ofSeconds(1));
			assertThat(replayed).extracting(EventStream.Event::data)
				.as("the missed shipment, once")
				.singleElement()
				.satisfies((data) -> assertThat(data).contains(orderId).contains("SHIPPED"));
		}
	}

	private static String ticket(Users.User user) {
		HttpResponse<String> issued = Http.postJson(gateway("/api/me/events/ticket"), "", user.authorization());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return Http.json(issued).path("ticket").asString();
	}

	private static String listProduct(Users.User artisan, String title) {
		HttpResponse<String> profile = Settled.call(() -> Http.postJson(gateway("/api/artisans"),
				Http.toJson(
						Map.of("displayName", "Lahij Copper", "craft", "metalwork", "city", "Lahij", "country", "AZ")),
				artisan.authorization()));
		// 409: made by a try the gateway gave up on.
		assertThat(profile.statusCode()).as(profile.body()).isIn(201, 409);
		HttpResponse<String> listed = Settled.call(
				() -> Http
					.postJson(gateway("/api/products"),
							Http.toJson(Map.of("title", title, "category", "METALWORK", "price",
									Map.of("amount", "60.00", "currency", "AZN"), "stock", 5)),
							artisan.authorization()));
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private static String order(String product) {
		return Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "shippingAddress",
				Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku", "postalCode", "AZ1000",
						"country", "AZ")));
	}

	private static String gateway(String path) {
		return marketplace.gatewayUrl() + path;
	}

}
