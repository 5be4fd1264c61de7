package com.artisanmarket.catalog.masterclass;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a stopped process left half done: bookings still unsettled a while after
 * their last change (seats to take or give back), and cancelled classes whose bookings
 * still hold seats. Every step it repeats can be repeated, so several instances may sweep
 * at once.
 */
@Component
class BookingSweeper {

	private static final Logger logger = LoggerFactory.getLogger(BookingSweeper.class);

	private static final int BATCH = 100;

	private final MongoOperations mongo;

	private final Bookings bookings;

	private final Duration settleAfter;

	private final Clock clock;

	BookingSweeper(MongoOperations mongo, Bookings bookings,
			@Value("${marketplace.masterclasses.settle-after:5s}") Duration settleAfter, Clock clock) {
		this.mongo = mongo;
		this.bookings = bookings;
		this.settleAfter = settleAfter;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${marketplace.masterclasses.sweep-interval:2s}",
			fixedDelayString = "${marketplace.masterclasses.sweep-interval:2s}")
	void sweep() {
		for (Booking booking : this.bookings.unsettled(this.clock.instant().minus(this.settleAfter), BATCH)) {
			try {
				Booking settled = this.bookings.settle(booking);
				logger.info("Booking {} settled by the sweep: {}", booking.id(), settled.status());
			}
			catch (RuntimeException ex) {
				logger.warn("Booking {} could not be settled yet: {}", booking.id(), ex.getMessage());
			}
		}
		Query cancelledWithSeats = new Query(
				Criteria.where("status").is(Masterclass.Status.CANCELLED).and("booked").gt(0))
			.limit(BATCH);
		for (Masterclass masterclass : this.mongo.find(cancelledWithSeats, Masterclass.class)) {
			try {
				this.bookings.cancelWith(masterclass);
				logger.info("Bookings of cancelled masterclass {} cancelled by the sweep", masterclass.id());
			}
			catch (RuntimeException ex) {
				logger.warn("Bookings of masterclass {} could not be cancelled yet: {}", masterclass.id(),
						ex.getMessage());
			}
		}
	}

}
