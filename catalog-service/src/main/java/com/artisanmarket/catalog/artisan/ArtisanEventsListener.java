package com.artisanmarket.catalog.artisan;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the artisan read model from {@value Topics#ARTISAN_EVENTS}. */
@Component
class ArtisanEventsListener {

	private final ArtisanSnapshots snapshots;

	ArtisanEventsListener(ArtisanSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@KafkaListener(topics = Topics.ARTISAN_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			if (envelope.data() instanceof ArtisanEvent event) {
				this.snapshots.apply(envelope, event);
			}
		});
	}

}
