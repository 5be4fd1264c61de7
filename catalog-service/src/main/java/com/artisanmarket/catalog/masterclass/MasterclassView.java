package com.artisanmarket.catalog.masterclass;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.events.Money;

/**
 * A masterclass as the API shows it: its times at the class's own offset, with the seats
 * left now and who teaches it.
 *
 * @param id the class
 * @param artisanId the artisan profile that teaches it
 * @param artisanName their shop's name
 * @param artisanCity their city
 * @param artisanCountry their country
 * @param title the title
 * @param description the description
 * @param craft the craft taught
 * @param startsAt when it starts, at the class's offset
 * @param endsAt when it ends
 * @param durationMinutes how long
 * @param timeZone the IANA zone it is held in
 * @param format in person or online
 * @param city where
 * @param country ISO 3166-1 alpha-2
 * @param address the place, for a class in person
 * @param languages ISO 639 codes
 * @param seats seats for sale
 * @param seatsLeft those available now
 * @param price per seat
 * @param bookingClosesAt after it buyers can neither book nor cancel
 * @param bookable whether a buyer can book now
 * @param status scheduled or cancelled
 * @param cancelReason why it was cancelled
 * @param createdAt when created
 * @param updatedAt when last changed
 */
record MasterclassView(String id, String artisanId, String artisanName, String artisanCity, String artisanCountry,
		String title, String description, String craft, OffsetDateTime startsAt, OffsetDateTime endsAt,
		int durationMinutes, String timeZone, Masterclass.Format format, String city, String country, String address,
		List<String> languages, int seats, int seatsLeft, Money price, OffsetDateTime bookingClosesAt, boolean bookable,
		Masterclass.Status status, String cancelReason, Instant createdAt, Instant updatedAt) {

	static MasterclassView of(Masterclass masterclass, ArtisanSnapshot artisan, Instant now) {
		ZoneId zone = ZoneId.of(masterclass.timeZone());
		return new MasterclassView(masterclass.id(), masterclass.artisanId(),
				(artisan != null) ? artisan.displayName() : null, (artisan != null) ? artisan.city() : null,
				(artisan != null) ? artisan.country() : null, masterclass.title(), masterclass.description(),
				masterclass.craft(), masterclass.startsAt().atZone(zone).toOffsetDateTime(),
				masterclass.endsAt().atZone(zone).toOffsetDateTime(), masterclass.durationMinutes(),
				masterclass.timeZone(), masterclass.format(), masterclass.city(), masterclass.country(),
				masterclass.address(), masterclass.languages(), masterclass.seats(), masterclass.seatsLeft(),
				masterclass.price(), masterclass.bookingClosesAt().atZone(zone).toOffsetDateTime(),
				masterclass.bookable(now), masterclass.status(), masterclass.cancelReason(), masterclass.createdAt(),
				masterclass.updatedAt());
	}

}
