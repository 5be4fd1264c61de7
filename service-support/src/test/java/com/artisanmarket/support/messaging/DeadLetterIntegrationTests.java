package com.artisanmarket.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = DeadLetterIntegrationTests.TestService.class,
		properties = { "spring.application.name=dead-letter-tests", "spring.mongodb.database=dead-letter-tests",
				"marketplace.events.consumes=" + DeadLetterIntegrationTests.TOPIC,
				"marketplace.events.retry-interval=100ms", "spring.kafka.listener.concurrency=1" })
class DeadLetterIntegrationTests {

	static final String TOPIC = "dead-letter-test-events";

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	Recorder recorder;

	@Test
	void sendsAPoisonRecordToTheDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
		String key = "artisan-" + UUID.randomUUID();
		this.kafka.send(TOPIC, key, "{ this is not an event").get();
		EventEnvelope<ArtisanRegistered> good = EventEnvelope.wrap(new ArtisanRegistered(key, "u-1", "Khiva Carvings",
				"woodcarving", "Khiva", "UZ", List.of("uz"), Status.PENDING, Instant.now()), "test", Instant.now(),
				null);
		this.kafka.send(TOPIC, key, EventJson.write(good)).get();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.applied.contains(good.id()));
		ConsumerRecord<String, String> dead = firstRecord(Topics.deadLetter(TOPIC), key);
		assertThat(dead.value()).isEqualTo("{ this is not an event");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
	}

	@Test
	void retriesAFailingRecordABoundedNumberOfTimesThenDeadLettersIt() throws Exception {
		String key = "flaky-" + UUID.randomUUID();
		EventEnvelope<ArtisanRegistered> event = EventEnvelope.wrap(new ArtisanRegistered(key, "u-2", "Always Failing",
				"pottery", "Gijduvan", "UZ", List.of("uz"), Status.PENDING, Instant.now()), "test", Instant.now(),
				null);

		this.kafka.send(TOPIC, key, EventJson.write(event)).get();

		ConsumerRecord<String, String> dead = firstRecord(Topics.deadLetter(TOPIC), key);
		assertThat(dead.value()).isEqualTo(EventJson.write(event));
		assertThat(this.recorder.attempts(key)).isEqualTo(1 + 3);
	}

	private static ConsumerRecord<String, String> firstRecord(String topic, String key) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
			return await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().filter((record) -> key.equals(record.key())).findFirst().orElse(null);
			}, (record) -> record != null);
		}
	}

	static class Recorder {

		final List<String> applied = new CopyOnWriteArrayList<>();

		final List<String> attemptedKeys = new CopyOnWriteArrayList<>();

		long attempts(String key) {
			return this.attemptedKeys.stream().filter(key::equals).count();
		}

		@KafkaListener(topics = TOPIC)
		void on(ConsumerRecord<String, String> record) {
			this.attemptedKeys.add(record.key());
			IncomingEvents.read(record).ifPresent((envelope) -> {
				if (record.key().startsWith("flaky-")) {
					throw new IllegalStateException("the database is having a bad day");
				}
				this.applied.add(envelope.id());
			});
		}

	}

	@SpringBootApplication
	@Import({ InfrastructureTestConfiguration.class, Recorder.class })
	static class TestService {

	}

}
