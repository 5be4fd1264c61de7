package com.artisanmarket.order.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/** What order-service published on {@value Topics#ORDER_EVENTS}, read from the start. */
final class OrderEventsTopic {

	private OrderEventsTopic() {
	}

	/**
	 * Reads the topic until every key has an event that passes the test.
	 * @return every event read of those keys
	 */
	static List<EventEnvelope<?>> awaitEvents(List<String> keys, Predicate<EventEnvelope<?>> wanted) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "orders-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.ORDER_EVENTS));
			List<EventEnvelope<?>> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> EventJson.read(record.value())
						.filter((event) -> keys.contains(event.data().subject()))
						.ifPresent(seen::add));
				return keys.stream()
					.allMatch((key) -> seen.stream()
						.anyMatch((event) -> event.data().subject().equals(key) && wanted.test(event)));
			});
			return seen;
		}
	}

}
