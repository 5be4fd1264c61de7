package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ArtisanRegistered} from artisan-service's outbox to catalog-service's read model
 * across a broker outage, a crash between write and publish, a redelivery and a poison
 * record.
 */
class ArtisanEventsSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static MongoClient mongo;

	@BeforeAll
	static void connect() {
		mongo = MongoClients.create(marketplace.mongoUri());
	}

	@AfterAll
	static void disconnect() {
		mongo.close();
	}

	@AfterEach
	void everyPartIsBack() {
		for (String part : List.of(Stack.KAFKA, Stack.ARTISAN_SERVICE)) {
			marketplace.restart(part);
		}
	}

	@Test
	void anArtisanCreatedThroughTheGatewayReachesTheCatalogReadModel() {
		String id = register("Guba Carpet Workshop", "Guba");

		Document snapshot = awaitSnapshot(id);

		assertThat(snapshot.getString("displayName")).isEqualTo("Guba Carpet Workshop");
		assertThat(snapshot.getString("city")).isEqualTo("Guba");
		assertThat(snapshot.getString("status")).isEqualTo("PENDING");
	}

	@Test
	void registersWhileTheBrokerIsDownAndPublishesOnceItIsBack() {
		marketplace.stop(Stack.KAFKA);

		String id = register("Ganja Embroidery", "Ganja");
		assertThat(pendingOutbox(id)).as("the event waits in the profile's outbox").hasSize(1);

		marketplace.restart(Stack.KAFKA);
		assertThat(awaitSnapshot(id).getString("city")).isEqualTo("Ganja");
		await().atMost(EVENTUALLY).until(() -> pendingOutbox(id).isEmpty());
	}

	@Test
	void publishesAfterACrashBetweenWriteAndPublishAndAppliesARedeliveryOnce() throws Exception {
		marketplace.kill(Stack.ARTISAN_SERVICE);
		marketplace.start(Stack.ARTISAN_SERVICE, "--marketplace.outbox.held=true");
		String id = register("Margilan Atlas Weavers", "Margilan");
		assertThat(pendingOutbox(id)).hasSize(1);

		marketplace.kill(Stack.ARTISAN_SERVICE);
		marketplace.restart(Stack.ARTISAN_SERVICE);
		assertThat(awaitSnapshot(id).get("revision", Number.class).longValue()).isEqualTo(1);

		ConsumerRecord<String, String> published = awaitRecord(Topics.ARTISAN_EVENTS, id);
		EventEnvelope<ArtisanProfileUpdated> later = EventEnvelope.wrap(new ArtisanProfileUpdated(id, null,
				"Margilan Atlas Weavers", "ikat silk", "Fergana", "UZ", List.of("uz"), 2, Instant.now()),
				"system-tests", Instant.now(), null);
		send(Topics.ARTISAN_EVENTS, id, published.value());
		send(Topics.ARTISAN_EVENTS, id, EventJson.write(later));

		// Same key, same partition: once the later event is applied, the redelivery was
		// handled.
		await().atMost(EVENTUALLY)
			.until(() -> snapshot(id).map((s) -> s.getString("city")).orElse(""), "Fergana"::equals);
		Document snapshot = snapshot(id).orElseThrow();
		assertThat(snapshot.get("revision", Number.class).longValue()).as("events applied").isEqualTo(2);
		assertThat(snapshot.getList("appliedEvents", String.class)).hasSize(2)
			.containsExactly(EventJson.read(published.value()).orElseThrow().id(), later.id());
	}

	@Test
	void aPoisonRecordLandsInTheDeadLetterTopicAndTheNextRecordIsStillConsumed() throws Exception {
		String id = UUID.randomUUID().toString();
		EventEnvelope<ArtisanProfileUpdated> good = EventEnvelope.wrap(new ArtisanProfileUpdated(id, null,
				"Bukhara Gold Thread", "gold embroidery", "Bukhara", "UZ", List.of("uz"), 1, Instant.now()),
				"system-tests", Instant.now(), null);

		send(Topics.ARTISAN_EVENTS, id, "{\"specversion\": \"1.0\", \"type\": \"ArtisanRegistered\"");
		send(Topics.ARTISAN_EVENTS, id, EventJson.write(good));

		assertThat(awaitSnapshot(id).getString("city")).isEqualTo("Bukhara");
		ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.ARTISAN_EVENTS), id);
		assertThat(dead.value()).startsWith("{\"specversion\": \"1.0\"");
	}

	private static String register(String displayName, String city) {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> response = Http.postJson(
				marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName", displayName, "craft",
						"handicrafts", "city", city, "country", city.equals("Margilan") ? "UZ" : "AZ")),
				artisan.authorization());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Http.json(response).path("id").asString();
	}

	private static List<Document> pendingOutbox(String artisanId) {
		Document profile = mongo.getDatabase("artisans")
			.getCollection("artisans")
			.find(Filters.eq("_id", artisanId))
			.first();
		assertThat(profile).as("artisan %s stored", artisanId).isNotNull();
		return profile.getList("outbox", Document.class, List.of());
	}

	private static Optional<Document> snapshot(String artisanId) {
		return Optional.ofNullable(
				mongo.getDatabase("catalog").getCollection("artisans").find(Filters.eq("_id", artisanId)).first());
	}

	private static Document awaitSnapshot(String artisanId) {
		return await().atMost(EVENTUALLY)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> snapshot(artisanId), Optional::isPresent)
			.orElseThrow();
	}

	private static void send(String topic, String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			return await().atMost(EVENTUALLY).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().filter((record) -> key.equals(record.key())).findFirst().orElse(null);
			}, (record) -> record != null);
		}
	}

}
