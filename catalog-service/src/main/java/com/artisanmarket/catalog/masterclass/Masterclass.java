package com.artisanmarket.catalog.masterclass;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.artisanmarket.events.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workshop an artisan teaches, and the seats held at it: the seat count's one source.
 * Every booking that holds seats is a {@link Hold} in this document, added or taken out
 * by one write conditional on {@code version} after checking the seats, so the seats held
 * never exceed {@code seats} whatever the contention (at most 500 holds per document).
 *
 * @param id the class's id
 * @param artisanId the artisan profile that teaches it
 * @param ownerId the account that owns that profile
 * @param title 3 to 120 characters
 * @param description up to 5,000 characters
 * @param craft the craft taught, in the artisan's words
 * @param craftKey the craft in lower case, for the listing's filter
 * @param startsAt when it starts
 * @param durationMinutes how long it lasts
 * @param timeZone the IANA zone it is held in, for showing its times
 * @param format in person or online
 * @param city where (the artisan's city for an online class unless given)
 * @param cityKey the city in lower case, for the listing's filter
 * @param country ISO 3166-1 alpha-2
 * @param address the place, for a class in person
 * @param languages ISO 639 codes of the languages it is taught in
 * @param seats seats for sale, 1 to 500
 * @param price per seat
 * @param bookingClosesAt after it buyers can neither book nor cancel
 * @param status scheduled or cancelled
 * @param cancelReason why it was cancelled
 * @param cancelledBy who cancelled it
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param holds the bookings that hold seats
 * @param booked the seats they hold
 * @param version incremented by every write
 */
@Document(Masterclass.COLLECTION)
record Masterclass(@Id String id, String artisanId, String ownerId, String title, String description, String craft,
		String craftKey, Instant startsAt, int durationMinutes, String timeZone, Format format, String city,
		String cityKey, String country, String address, List<String> languages, int seats, Money price,
		Instant bookingClosesAt, Status status, String cancelReason, String cancelledBy, Instant createdAt,
		Instant updatedAt, List<Hold> holds, int booked, long version) {

	static final String COLLECTION = "masterclasses";

	Masterclass {
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		holds = (holds != null) ? List.copyOf(holds) : List.of();
	}

	int seatsLeft() {
		return (this.status == Status.CANCELLED) ? 0 : Math.max(0, this.seats - this.booked);
	}

	boolean bookable(Instant now) {
		return this.status == Status.SCHEDULED && now.isBefore(this.bookingClosesAt) && seatsLeft() > 0;
	}

	Optional<Hold> hold(String bookingId) {
		return this.holds.stream().filter((hold) -> hold.bookingId().equals(bookingId)).findFirst();
	}

	Instant endsAt() {
		return this.startsAt.plusSeconds(60L * this.durationMinutes);
	}

	enum Format {

		IN_PERSON, ONLINE

	}

	enum Status {

		SCHEDULED, CANCELLED

	}

	/**
	 * Seats held for one booking.
	 *
	 * @param bookingId the booking
	 * @param buyerId its buyer
	 * @param seats how many
	 */
	record Hold(String bookingId, String buyerId, int seats) {

	}

}
