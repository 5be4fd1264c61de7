package com.artisanmarket.catalog.masterclass;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buyer's seats at a masterclass. Its id is derived from the buyer and the request's
 * {@code Idempotency-Key}, so that a repeated request finds it by {@code _id} and a
 * concurrent one fails on the unique {@code _id} instead of booking twice.
 *
 * @param id the booking's id
 * @param masterclassId the class
 * @param artisanId the artisan profile that teaches it
 * @param ownerId the account that owns the class
 * @param title the class's title when booked
 * @param buyerId the buyer's account
 * @param buyerDisplayName the buyer's name when they booked
 * @param requestHash what was asked, to refuse the same key for another request
 * @param seats 1 to 10
 * @param total the price of the seats
 * @param status where it stands
 * @param statusHistory every status with when and why
 * @param settled whether the class's holds agree with the status (false while seats are
 * still to be taken or given back)
 * @param createdAt when asked for
 * @param updatedAt when last changed
 * @param version incremented by every write
 * @param outbox events not yet published
 */
@Document(Booking.COLLECTION)
record Booking(@Id String id, String masterclassId, String artisanId, String ownerId, String title, String buyerId,
		String buyerDisplayName, String requestHash, int seats, Money total, BookingStatus status,
		List<Change> statusHistory, boolean settled, Instant createdAt, Instant updatedAt, long version,
		List<OutboxEntry> outbox) {

	static final String COLLECTION = "bookings";

	Booking {
		statusHistory = (statusHistory != null) ? List.copyOf(statusHistory) : List.of();
		outbox = (outbox != null) ? outbox : List.of();
	}

	/** The id of the booking a buyer asks for with an idempotency key. */
	static String idFor(String buyerId, String idempotencyKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((buyerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether its seats are held: from confirmation until it is cancelled. */
	boolean holdsSeats() {
		return this.status == BookingStatus.CONFIRMED || this.status == BookingStatus.ATTENDED;
	}

	List<Change> with(Change change) {
		List<Change> all = new ArrayList<>(this.statusHistory);
		all.add(change);
		return all;
	}

	/**
	 * One status of a booking.
	 *
	 * @param status the status
	 * @param at when
	 * @param reason why, for a rejection or cancellation
	 */
	record Change(BookingStatus status, Instant at, String reason) {

	}

}
