package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events are not trusted blindly: a forged or broken event that reaches a topic is
 * refused to the dead-letter topic, never applied, and the consumer goes on with the next
 * record.
 */
class ForgedEventsSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final Money PRICE = Money.of("25.00", "USD");

	private boolean catalogRefusing;

	@AfterEach
	void catalogRunsNormally() {
		if (this.catalogRefusing) {
			marketplace.stop(Stack.CATALOG_SERVICE);
			marketplace.restart(Stack.CATALOG_SERVICE);
			this.catalogRefusing = false;
		}
	}

	@Test
	void anOrderPlacedForMinusAThousandUnitsAddsNoStockAndIsDeadLettered() throws Exception {
		Artisan artisan = artisan("Forged Weights Pottery");
		String product = list(artisan, 5);
		String forgedOrder = "forged-" + UUID.randomUUID();
		Money minus = PRICE.times(-1000);
		OrderPlaced forged = new OrderPlaced(forgedOrder, "buyer-forged",
				List.of(new OrderLine(product, artisan.id(), artisan.user().id(), "Clay jug", PRICE, -1000, minus)),
				minus, Instant.now());
		String nextOrder = "next-" + UUID.randomUUID();
		OrderPlaced next = new OrderPlaced(nextOrder, "buyer-next",
				List.of(new OrderLine(product, artisan.id(), artisan.user().id(), "Clay jug", PRICE, 1, PRICE)), PRICE,
				Instant.now());

		// One key, so one partition: once the next record is applied, the forged one was
		// handled.
		send(Topics.ORDER_EVENTS, forgedOrder, fromOrderService(forged));
		send(Topics.ORDER_EVENTS, forgedOrder, fromOrderService(next));

		await().atMost(EVENTUALLY).until(() -> stock(product), (stock) -> stock == 4);
		ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.ORDER_EVENTS), forgedOrder,
				(record) -> record.value().contains("\"buyer-forged\""));
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("OrderPlaced")
			.contains("lines[0].quantity must be between 1 and 1000, was -1000");
		try (MongoClient mongo = MongoClients.create(marketplace.mongoUri())) {
			assertThat(mongo.getDatabase("catalog")
				.getCollection("reservations")
				.find(Filters.eq("_id", forgedOrder))
				.first()).as("no reservation of the forged order").isNull();
		}
		assertThat(stock(product)).as("stock only went down by the next order's unit").isEqualTo(4);
	}

	@Test
	void aStockReservedThatTheOrderDidNotAskForConfirmsNothing() throws Exception {
		// A catalogue that answers no OrderPlaced, so the order waits for an answer.
		marketplace.stop(Stack.CATALOG_SERVICE);
		marketplace.start(Stack.CATALOG_SERVICE, "--marketplace.events.refuse-types=OrderPlaced");
		this.catalogRefusing = true;
		Artisan artisan = artisan("Forged Answers Looms");
		String product = list(artisan, 5);
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String order = place(buyer, product, 2);
		assertThat(status(buyer, order)).isEqualTo("PENDING");
		String neverPlaced = "never-placed-" + UUID.randomUUID();

		send(Topics.CATALOG_EVENTS, neverPlaced, fromCatalogService(
				new StockReserved(neverPlaced, List.of(new ReservedLine(product, 2)), Instant.now())));
		send(Topics.CATALOG_EVENTS, order,
				fromCatalogService(new StockReserved(order, List.of(new ReservedLine(product, 1)), Instant.now())));

		ConsumerRecord<String, String> otherLines = awaitRecord(Topics.deadLetter(Topics.CATALOG_EVENTS), order,
				(record) -> true);
		assertThat(header(otherLines, "kafka_dlt-exception-message")).contains("StockReserved")
			.contains("are not what order " + order + " asked for");
		ConsumerRecord<String, String> noOrder = awaitRecord(Topics.deadLetter(Topics.CATALOG_EVENTS), neverPlaced,
				(record) -> true);
		assertThat(header(noOrder, "kafka_dlt-exception-message")).contains("order " + neverPlaced + " does not exist");
		assertThat(status(buyer, order)).as("not confirmed by a reservation of other lines").isEqualTo("PENDING");

		// The consumer went on: the answer that fits the order is applied.
		send(Topics.CATALOG_EVENTS, order,
				fromCatalogService(new StockReserved(order, List.of(new ReservedLine(product, 2)), Instant.now())));
		await().atMost(EVENTUALLY).until(() -> status(buyer, order), "CONFIRMED"::equals);
	}

	private record Artisan(Users.User user, String id) {

	}

	private static Artisan artisan(String displayName) {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(
						Map.of("displayName", displayName, "craft", "ceramics", "city", "Gijduvan", "country", "UZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		return new Artisan(owner, Http.json(profile).path("id").asString());
	}

	private static String list(Artisan artisan, int stock) {
		HttpResponse<String> product = Http.postJson(marketplace.gatewayUrl() + "/api/products",
				Http.toJson(Map.of("title", "Clay jug", "category", "CERAMICS", "price",
						Map.of("amount", PRICE.amount().toPlainString(), "currency", PRICE.currency()), "stock",
						stock)),
				artisan.user().authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
		return Http.json(product).path("id").asString();
	}

	private static String place(Users.User buyer, String product, int quantity) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", quantity)),
						"shippingAddress", Map.of("fullName", "Nodira Saidova", "line1", "Islam Khoja 3", "city",
								"Khiva", "postalCode", "220900", "country", "UZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		return Http.json(placed).path("id").asString();
	}

	private static String status(Users.User buyer, String order) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + order, buyer.authorization()))
			.path("status")
			.asString();
	}

	private static int stock(String product) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + product)).path("stock").asInt();
	}

	private static String fromOrderService(MarketplaceEvent event) {
		return EventJson.write(EventEnvelope.wrap(event, "order-service", Instant.now(), null));
	}

	private static String fromCatalogService(MarketplaceEvent event) {
		return EventJson.write(EventEnvelope.wrap(event, "catalog-service", Instant.now(), null));
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static void send(String topic, String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static ConsumerRecord<String, String> awaitRecord(String topic, String key,
			Predicate<ConsumerRecord<String, String>> matching) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			return await().atMost(EVENTUALLY).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream()
					.filter((record) -> key.equals(record.key()) && matching.test(record))
					.findFirst()
					.orElse(null);
			}, (record) -> record != null);
		}
	}

}
