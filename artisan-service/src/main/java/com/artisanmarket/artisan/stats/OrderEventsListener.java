package com.artisanmarket.artisan.stats;

import com.artisanmarket.events.OrderEvent;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds sales statistics from {@value Topics#ORDER_EVENTS}. */
@Component
class OrderEventsListener {

	private final SalesStatistics statistics;

	OrderEventsListener(SalesStatistics statistics) {
		this.statistics = statistics;
	}

	@KafkaListener(topics = Topics.ORDER_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			if (envelope.data() instanceof OrderEvent event) {
				this.statistics.apply(envelope, event);
			}
		});
	}

}
