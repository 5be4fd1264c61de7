package com.artisanmarket.catalog.stock;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The saga's memory of one order's stock, keyed by the order id: written before any unit
 * is taken, and kept afterwards as the order's tombstone, so that an {@code OrderPlaced}
 * delivered again (or published again) reserves once, and never after a release.
 */
@Document(Reservation.COLLECTION)
record Reservation(@Id String orderId, String buyerId, ReservationStatus status, List<ReservedLine> lines,
		List<FailedLine> failures, Instant createdAt, Instant updatedAt, List<OutboxEntry> outbox) {

	static final String COLLECTION = "reservations";

	/** Where a reservation stands. */
	enum ReservationStatus {

		/** Units are being taken; a crash here is finished by the next delivery. */
		RESERVING,
		/** Every line is held for the order. */
		RESERVED,
		/** A line could not be held; nothing is. */
		FAILED,
		/** The order was cancelled; its units are for sale again. */
		RELEASED

	}

}
