package com.artisanmarket.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.lease.Leases;
import com.artisanmarket.support.messaging.AppliedEvents;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = OutboxRelayIntegrationTests.TestService.class,
		properties = { "spring.application.name=outbox-tests", "spring.mongodb.database=outbox-tests",
				"marketplace.outbox.collections=parcels", "marketplace.outbox.sweep-interval=300ms",
				"marketplace.outbox.full-sweep-interval=500ms" })
class OutboxRelayIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MongoOperations mongo;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	Leases leases;

	private KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	@BeforeEach
	void subscribe() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(Topics.ARTISAN_EVENTS));
	}

	@AfterEach
	void close() {
		this.consumer.close();
	}

	@Test
	void publishesRightAfterTheWriteAndEmptiesTheOutbox() {
		String id = UUID.randomUUID().toString();
		OutboxEntry entry = this.outbox.entry(registered(id));
		this.mongo.insert(new Document("_id", id).append(Outbox.FIELD, List.of(entry)), "parcels");

		this.outbox.publishSoon("parcels", id);

		ConsumerRecord<String, String> record = awaitRecord(id);
		assertThat(record.key()).isEqualTo(id);
		assertThat(EventJson.read(record.value())).hasValueSatisfying((envelope) -> {
			assertThat(envelope.id()).isEqualTo(entry.eventId());
			assertThat(envelope.source()).isEqualTo("/outbox-tests");
			assertThat(envelope.data()).isEqualTo(registered(id));
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
	}

	@Test
	void sweepPublishesWhatNoFastPathSent() {
		String id = UUID.randomUUID().toString();
		this.mongo.insert(new Document("_id", id).append(Outbox.FIELD, List.of(this.outbox.entry(registered(id)))),
				"parcels");

		assertThat(awaitRecord(id).key()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
	}

	@Test
	void aWriterWaitsForRoomUntilTheRelayHasPublishedWhatWaits() {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			String id = UUID.randomUUID().toString();
			documents.add(new Document("_id", id).append(Outbox.FIELD, List.of(this.outbox.entry(registered(id)))));
		}
		this.mongo.insert(documents, "parcels");
		documents.forEach((document) -> this.outbox.publishSoon("parcels", document.get("_id")));

		this.outbox.awaitRoom(1, Duration.ofMinutes(1));

		assertThat(documents).allSatisfy((document) -> assertThat(pending(document.getString("_id"))).isEmpty());
	}

	@Test
	void publishesManyDocumentsWrittenAtOnceAndForgetsThemOncePublished() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 450; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			this.mongo.insert(new Document("_id", id).append(Outbox.FIELD,
					List.of(this.outbox.entry(registered(id)), this.outbox.entry(registered(id)))), "parcels");
			this.outbox.publishSoon("parcels", id);
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch((id) -> pending(id).isEmpty()));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.backlog().documents() == 0);
		List<String> keys = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.received::add);
			keys.clear();
			this.received.stream().map(ConsumerRecord::key).filter(ids::contains).forEach(keys::add);
			return keys.size() >= 2 * ids.size();
		});
		assertThat(keys).containsAll(ids);
	}

	@Test
	void keepsTheTraceparentOfTheEntryAsAHeader() {
		String id = UUID.randomUUID().toString();
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		OutboxEntry entry = this.outbox.entry(registered(id));
		OutboxEntry traced = new OutboxEntry(entry.eventId(), entry.topic(), entry.key(), entry.type(), entry.payload(),
				traceparent, entry.createdAt());
		this.mongo.insert(new Document("_id", id).append(Outbox.FIELD, List.of(traced)), "parcels");

		ConsumerRecord<String, String> record = awaitRecord(id);

		assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.isEqualTo(traceparent);
	}

	@Test
	void aHeldRelayPublishesNothingAndLeavesTheEntries() {
		OutboxRelay held = new OutboxRelay(this.mongo, this.kafka, new OutboxProperties(List.of("held-parcels"),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true), this.leases,
				Clock.systemUTC());
		String id = UUID.randomUUID().toString();
		this.mongo.insert(new Document("_id", id).append(Outbox.FIELD, List.of(this.outbox.entry(registered(id)))),
				"held-parcels");

		assertThat(held.sweep()).isZero();
		assertThat(this.mongo.findById(id, Document.class, "held-parcels").getList(Outbox.FIELD, Document.class))
			.hasSize(1);
	}

	/**
	 * Issue 19: two instances sweep the outbox at the same moment (as after a crash of a
	 * third, with its entries left behind). The sweep's lease lets one of them publish
	 * what was left, so each event goes out once; and a consumer that marks the events it
	 * applied (AppliedEvents) would change each document once even if one went out twice.
	 */
	@Test
	void twoInstancesSweepingAtOncePublishEachEntryOnce() throws Exception {
		OutboxProperties properties = new OutboxProperties(List.of("parcels"), Duration.ofMillis(300),
				Duration.ofMillis(500), Duration.ofSeconds(10), false);
		OutboxRelay one = new OutboxRelay(this.mongo, this.kafka, properties, this.leases, Clock.systemUTC());
		OutboxRelay other = new OutboxRelay(this.mongo, this.kafka, properties, this.leases, Clock.systemUTC());
		Map<String, String> eventIds = new HashMap<>();
		List<Document> documents = new ArrayList<>();
		Instant leftBehindAt = Instant.now().minus(Duration.ofMinutes(1));
		for (int i = 0; i < 100; i++) {
			String id = UUID.randomUUID().toString();
			OutboxEntry written = this.outbox.entry(registered(id));
			OutboxEntry entry = new OutboxEntry(written.eventId(), written.topic(), written.key(), written.type(),
					written.payload(), null, leftBehindAt);
			eventIds.put(entry.eventId(), id);
			documents.add(new Document("_id", id).append(Outbox.FIELD, List.of(entry)));
		}
		this.mongo.insert(documents, "parcels");

		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			Future<Integer> first = instances.submit(one::sweep);
			Future<Integer> second = instances.submit(other::sweep);
			System.out.printf("Two sweeps at once published %d and %d of 100 entries%n", first.get(), second.get());
			assertThat(first.get() + second.get()).isLessThanOrEqualTo(100);
		}

		Map<String, Integer> deliveries = new HashMap<>();
		Runnable receive = () -> {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
				EventJson.read(record.value())
					.filter((envelope) -> eventIds.containsKey(envelope.id()))
					.ifPresent((envelope) -> {
						deliveries.merge(envelope.id(), 1, Integer::sum);
						apply(record.key(), envelope.id());
					});
			}
		};
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			receive.run();
			return deliveries.keySet().containsAll(eventIds.keySet());
		});
		// A second copy would have been sent with the first: a few more polls would see
		// it.
		await().pollDelay(Duration.ZERO).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
			receive.run();
			return true;
		});
		assertThat(deliveries).allSatisfy((eventId, count) -> assertThat(count).as(eventId).isEqualTo(1));
		for (String id : eventIds.values()) {
			assertThat(pending(id)).isEmpty();
			assertThat(this.mongo.findById(id, Document.class, "parcel-views").getInteger("applied")).as(id)
				.isEqualTo(1);
		}
	}

	/** An idempotent consumer's change: counts the event once however often it comes. */
	private void apply(String id, String eventId) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(id).andOperator(AppliedEvents.notYet(eventId))),
					AppliedEvents.mark(new Update().inc("applied", 1), eventId), "parcel-views");
		}
		catch (DuplicateKeyException ex) {
			// Already applied.
		}
	}

	private List<Document> pending(String id) {
		return this.mongo.findById(id, Document.class, "parcels").getList(Outbox.FIELD, Document.class, List.of());
	}

	private ConsumerRecord<String, String> awaitRecord(String key) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.received::add);
			return this.received.stream().filter((record) -> key.equals(record.key())).findFirst().orElse(null);
		}, (record) -> record != null);
	}

	private static ArtisanRegistered registered(String id) {
		return new ArtisanRegistered(id, "u-1", "Rishtan Blue", "ceramics", "Rishtan", "UZ", List.of("uz"),
				Status.PENDING, Instant.parse("2026-11-27T09:00:00Z"));
	}

	@SpringBootApplication
	@Import(InfrastructureTestConfiguration.class)
	static class TestService {

	}

}
