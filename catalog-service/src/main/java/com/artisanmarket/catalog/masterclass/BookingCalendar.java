package com.artisanmarket.catalog.masterclass;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.StringJoiner;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

import org.springframework.stereotype.Component;

/**
 * A booking as an iCalendar event (RFC 5545, written by ical4j): the class's start and
 * end in its own time zone (with that zone's definition), the place, and the artisan who
 * teaches it.
 */
@Component
class BookingCalendar {

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	String ics(Booking booking, Masterclass masterclass, ArtisanSnapshot artisan) {
		ZoneId zone = ZoneId.of(masterclass.timeZone());
		ZonedDateTime start = masterclass.startsAt().atZone(zone);
		ZonedDateTime end = masterclass.endsAt().atZone(zone);
		VEvent event = new VEvent(start, end, masterclass.title());
		event.add(new Uid(booking.id() + "@artisan-marketplace"));
		event.add(new Location(place(masterclass)));
		String teacher = (artisan != null) ? artisan.displayName() : "the artisan";
		event.add(new Description(
				"Masterclass by " + teacher + ". " + booking.seats() + " seat(s), booking " + booking.id() + "."
						+ ((masterclass.description() != null) ? "\n\n" + masterclass.description() : "")));
		Organizer organizer = new Organizer(URI.create("urn:artisan-marketplace:artisan:" + masterclass.artisanId()));
		organizer.add(new Cn(teacher));
		event.add(organizer);
		boolean cancelled = booking.status() == BookingStatus.CANCELLED || booking.status() == BookingStatus.REJECTED
				|| masterclass.status() == Masterclass.Status.CANCELLED;
		event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
		Calendar calendar = new Calendar();
		calendar.withProdId("-//Artisan Marketplace//Masterclasses//EN").withDefaults();
		calendar.add(this.zones.getTimeZone(masterclass.timeZone()).getVTimeZone());
		calendar.add(event);
		return calendar.toString();
	}

	private static String place(Masterclass masterclass) {
		StringJoiner place = new StringJoiner(", ");
		if (masterclass.format() == Masterclass.Format.ONLINE) {
			place.add("Online");
		}
		if (masterclass.address() != null) {
			place.add(masterclass.address());
		}
		if (masterclass.city() != null) {
			place.add(masterclass.city());
		}
		if (masterclass.country() != null) {
			place.add(masterclass.country());
		}
		return place.toString();
	}

}
