package com.artisanmarket.artisan.stats;

import com.artisanmarket.events.CatalogEvent.BookingEvent;
import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds artisans' ratings, their products' favourite counts and their masterclass
 * bookings from the review, favourite and booking events of
 * {@value Topics#CATALOG_EVENTS}.
 */
@Component
class CatalogEventsListener {

	private final Ratings ratings;

	private final FavouriteCounts favourites;

	private final MasterclassSales masterclasses;

	CatalogEventsListener(Ratings ratings, FavouriteCounts favourites, MasterclassSales masterclasses) {
		this.ratings = ratings;
		this.favourites = favourites;
		this.masterclasses = masterclasses;
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
			else if (envelope.data() instanceof BookingEvent event) {
				this.masterclasses.apply(event);
			}
		});
	}

}
