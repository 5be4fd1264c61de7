package com.artisanmarket.support.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.EventsProperties;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: with several instances, an operator's "replay" may reach two of them at once
 * (two admins, or a retried call). Each dead-lettered record still goes back once.
 */
@SpringBootTest(classes = DeadLetterReplayIntegrationTests.TestService.class,
		properties = { "spring.application.name=replay-tests", "spring.mongodb.database=replay-tests",
				"marketplace.events.consumes=" + DeadLetterReplayIntegrationTests.TOPIC })
class DeadLetterReplayIntegrationTests {

	static final String TOPIC = "replay-test-events";

	/** Where the records go back to; nothing consumes it but the test. */
	private static final String TARGET = "replay-test-target-" + UUID.randomUUID();

	@Autowired
	EventsProperties events;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	MongoOperations mongo;

	@Test
	void twoInstancesReplayingAtOnceSendEachRecordBackOnce() throws Exception {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = "record-" + UUID.randomUUID();
			keys.add(key);
			ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(TOPIC), key, "{}");
			dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TARGET.getBytes(StandardCharsets.UTF_8));
			this.kafka.send(dead).get();
		}
		DeadLetters one = new DeadLetters("replay-tests", this.events, this.kafkaAdmin, this.kafka, this.mongo);
		DeadLetters other = new DeadLetters("replay-tests", this.events, this.kafkaAdmin, this.kafka, this.mongo);

		List<Map<String, Object>> results = new ArrayList<>();
		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			Future<List<Map<String, Object>>> first = instances.submit(() -> one.replay(null, null, null));
			Future<List<Map<String, Object>>> second = instances.submit(() -> other.replay(null, null, null));
			results.addAll(first.get());
			results.addAll(second.get());
		}

		assertThat(results).filteredOn((result) -> "REPLAYED".equals(result.get("result"))).hasSize(10);
		assertThat(results)
			.allSatisfy((result) -> assertThat(result.get("result")).isIn("REPLAYED", "ALREADY_REPLAYED"));
		assertThat(one.list()).allSatisfy((row) -> assertThat(row.get("replayedAt")).isNotNull());
		Map<String, Integer> copies = copiesOn(TARGET, keys);
		assertThat(copies).containsOnlyKeys(keys);
		assertThat(copies).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
		assertThat(one.replay(null, null, null))
			.allSatisfy((result) -> assertThat(result.get("result")).isEqualTo("ALREADY_REPLAYED"));
	}

	private static Map<String, Integer> copiesOn(String topic, List<String> keys) {
		Map<String, Integer> copies = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "replay-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			Runnable receive = () -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					copies.merge(record.key(), 1, Integer::sum);
				}
			};
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				receive.run();
				return copies.keySet().containsAll(keys);
			});
			// A second copy would have been sent with the first: a few more polls would
			// see it.
			await().pollDelay(Duration.ZERO).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
				receive.run();
				return true;
			});
		}
		return copies;
	}

	@SpringBootApplication
	@Import(InfrastructureTestConfiguration.class)
	static class TestService {

	}

}
