package com.artisanmarket.artisan.stats;

import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds artisans' ratings and their products' favourite counts from the review and
 * favourite events of {@value Topics#CATALOG_EVENTS}.
 */
@Component
class CatalogEventsListener {

	private final Ratings ratings;

	private final FavouriteCounts favourites;

	CatalogEventsListener(Ratings ratings, FavouriteCounts favourites) {
		this.ratings = ratings;
		this.favourites = favourites;
	}

	@KafkaListener(topics = Topics.CATALOG_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			if (envelope.data() instanceof ReviewEvent event) {
				this.ratings.apply(event);
			}
			else if (envelope.data() instanceof FavouriteEvent event) {
				this.favourites.apply(event);
			}
		});
	}

}
