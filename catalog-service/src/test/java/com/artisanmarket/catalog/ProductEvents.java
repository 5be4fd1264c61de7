package com.artisanmarket.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * The events of one product that {@code catalog-events} holds, for a test to redeliver.
 */
public final class ProductEvents {

	private ProductEvents() {
	}

	/**
	 * Reads {@value Topics#CATALOG_EVENTS} from its beginning to its end as it is now.
	 * @return the records keyed by the product whose event type the filter accepts, in
	 * the order they were published
	 */
	public static List<ConsumerRecord<String, String>> of(ConsumerFactory<String, String> consumers, String productId,
			Predicate<String> type) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (Consumer<String, String> consumer = consumers.createConsumer("product-events-" + UUID.randomUUID(),
				null)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (productId.equals(record.key())
							&& EventJson.read(record.value()).filter((event) -> type.test(event.type())).isPresent()) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

}
