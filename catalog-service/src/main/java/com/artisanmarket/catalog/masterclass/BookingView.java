package com.artisanmarket.catalog.masterclass;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.Money;

/**
 * A booking as the API shows it.
 *
 * @param id the booking
 * @param masterclassId the class
 * @param buyerId the buyer's account
 * @param buyerDisplayName the buyer's name
 * @param seats seats booked
 * @param status where it stands
 * @param total the price of the seats
 * @param statusHistory every status with when and why
 * @param createdAt when asked for
 * @param updatedAt when last changed
 * @param masterclass the class as it is now ({@code null} when it no longer exists)
 */
record BookingView(String id, String masterclassId, String buyerId, String buyerDisplayName, int seats,
		BookingStatus status, Money total, List<Booking.Change> statusHistory, Instant createdAt, Instant updatedAt,
		MasterclassView masterclass) {

	static BookingView of(Booking booking, MasterclassView masterclass) {
		return new BookingView(booking.id(), booking.masterclassId(), booking.buyerId(), booking.buyerDisplayName(),
				booking.seats(), booking.status(), booking.total(), booking.statusHistory(), booking.createdAt(),
				booking.updatedAt(), masterclass);
	}

}
