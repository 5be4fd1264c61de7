package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.Topics;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue's JVM dies in the middle of reserving a two-line order (after the first
 * line's units were taken, before the second); after a restart the order is reserved
 * whole, nothing is taken twice, for every product initial = available + reserved, and
 * the listings (the search index, which died too) agree with MongoDB.
 */
class StockReservationCrashSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void catalogIsBack() {
		marketplace.restart(Stack.CATALOG_SERVICE);
	}

	@Test
	void aReservationInterruptedByACrashEndsWithAllLinesOrNone() throws Exception {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(
						Map.of("displayName", "Rishtan Blue", "craft", "ceramics", "city", "Rishtan", "country", "UZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		String artisanId = Http.json(profile).path("id").asString();
		String plates = list(artisan, "Ishkor plate", 5);
		String vase = list(artisan, "Lyagan vase", 3);

		marketplace.kill(Stack.CATALOG_SERVICE);
		marketplace.start(Stack.CATALOG_SERVICE, "--marketplace.catalog.crash-after-reserved-lines=1");
		String orderId = "order-" + UUID.randomUUID();
		Money price = Money.of("20.00", "USD");
		OrderPlaced placed = new OrderPlaced(orderId, "buyer-1",
				List.of(new OrderLine(plates, artisanId, artisan.id(), "Ishkor plate", price, 2, price.times(2)),
						new OrderLine(vase, artisanId, artisan.id(), "Lyagan vase", price, 1, price)),
				price.times(3), Instant.now());
		publish(EventEnvelope.wrap(placed, "order-service", Instant.now(), null));

		await().atMost(Duration.ofSeconds(60)).until(() -> !marketplace.isRunning(Stack.CATALOG_SERVICE));
		try (MongoClient mongo = MongoClients.create(marketplace.mongoUri())) {
			var reservations = mongo.getDatabase("catalog").getCollection("reservations");
			assertThat(reservations.find(Filters.eq("_id", orderId)).first().getString("status"))
				.as("the crash came mid-way")
				.isEqualTo("RESERVING");

			marketplace.restart(Stack.CATALOG_SERVICE);

			await().atMost(Duration.ofSeconds(60))
				.until(() -> reservations.find(Filters.eq("_id", orderId)).first().getString("status"),
						"RESERVED"::equals);
			var products = mongo.getDatabase("catalog").getCollection("products");
			Document reservation = reservations.find(Filters.eq("_id", orderId)).first();
			// The reservation is marked RESERVED first and the products' markers are
			// removed right after, so the markers may outlive the status by a moment.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertHolds(products.find(Filters.eq("_id", plates)).first(), reservation, 5, 2);
				assertHolds(products.find(Filters.eq("_id", vase)).first(), reservation, 3, 1);
			});

			// The search index died with the JVM too: after the restart it replays from
			// its
			// last commit, and the listings agree with MongoDB.
			Map<String, Integer> stored = Map.of(plates,
					products.find(Filters.eq("_id", plates)).first().getInteger("stock"), vase,
					products.find(Filters.eq("_id", vase)).first().getInteger("stock"));
			await().atMost(Duration.ofSeconds(60)).until(() -> listedStock(artisanId), stored::equals);
		}
	}

	private static Map<String, Integer> listedStock(String artisanId) {
		Map<String, Integer> stock = new HashMap<>();
		Http.json(Http.get(marketplace.gatewayUrl() + "/api/products?artisanId=" + artisanId))
			.path("items")
			.forEach((item) -> stock.put(item.path("id").asString(), item.path("stock").asInt()));
		return stock;
	}

	private static void assertHolds(Document product, Document reservation, int initial, int held) {
		int reserved = reservation.getList("lines", Document.class)
			.stream()
			.filter((line) -> line.getString("productId").equals(product.getString("_id")))
			.mapToInt((line) -> line.getInteger("quantity"))
			.sum();
		assertThat(reserved).isEqualTo(held);
		assertThat(product.getInteger("stock") + reserved).as("initial = available + reserved").isEqualTo(initial);
		assertThat(product.getList("reservedBy", Document.class)).as("no marker once the reservation is finished")
			.isEmpty();
	}

	private static String list(Users.User artisan, String title, int stock) {
		HttpResponse<String> product = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", title, "category", "CERAMICS",
						"price", Map.of("amount", "20.00", "currency", "USD"), "stock", stock)),
				artisan.authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
		return Http.json(product).path("id").asString();
	}

	private static void publish(EventEnvelope<?> envelope) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, envelope.subject(), EventJson.write(envelope)))
				.get();
		}
	}

}
