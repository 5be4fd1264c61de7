package com.artisanmarket.catalog.masterclass;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;

import org.springframework.stereotype.Component;

/**
 * A booking as an iCalendar event (RFC 5545, written with ical4j): the class's start and
 * end as local times of its own time zone, that zone's definition, the place, and the
 * artisan who teaches it.
 * <p>
 * The times and the zone's definition come from the JDK's time-zone rules, not from
 * ical4j's: ical4j 4.2.5 writes a time of {@code Asia/Tashkent} or {@code Asia/Samarkand}
 * an hour late (its rules, built from its own zone definitions, keep the +06 of 1991).
 * The definition lists the zone's offset changes from the one in force a year before the
 * class to a year after it (or one fixed offset for a zone without changes), each as an
 * observance of its own.
 */
@Component
class BookingCalendar {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final Duration AROUND = Duration.ofDays(366);

	String ics(Booking booking, Masterclass masterclass, ArtisanSnapshot artisan) {
		ZoneId zone = ZoneId.of(masterclass.timeZone());
		ParameterList inZone = new ParameterList(List.of(new TzId(zone.getId())));
		VEvent event = new VEvent();
		event.add(new DtStart<ZonedDateTime>(inZone, local(masterclass.startsAt(), zone)));
		event.add(new DtEnd<ZonedDateTime>(inZone, local(masterclass.endsAt(), zone)));
		event.add(new Summary(masterclass.title()));
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
		calendar.add(definition(zone, masterclass.startsAt()));
		calendar.add(event);
		return calendar.toString();
	}

	private static String local(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDateTime().format(LOCAL);
	}

	/** The zone's offsets around an instant, from the JDK's rules. */
	static VTimeZone definition(ZoneId zone, Instant around) {
		ZoneRules rules = zone.getRules();
		Instant from = around.minus(AROUND);
		List<ZoneOffsetTransition> changes = new ArrayList<>();
		Optional.ofNullable(rules.previousTransition(from)).ifPresent(changes::add);
		for (ZoneOffsetTransition next = rules.nextTransition(from); next != null
				&& next.getInstant().isBefore(around.plus(AROUND)); next = rules.nextTransition(next.getInstant())) {
			changes.add(next);
		}
		VTimeZone definition = new VTimeZone();
		definition.add(new net.fortuna.ical4j.model.property.TzId(zone.getId()));
		if (changes.isEmpty()) {
			ZoneOffset offset = rules.getOffset(around);
			definition.add(observance(false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
		}
		for (ZoneOffsetTransition change : changes) {
			definition.add(observance(rules.isDaylightSavings(change.getInstant()), change.getDateTimeBefore(),
					change.getOffsetBefore(), change.getOffsetAfter()));
		}
		return definition;
	}

	private static Observance observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
		Observance observance = daylight ? new Daylight() : new Standard();
		observance.add(new DtStart<LocalDateTime>(start.format(LOCAL)));
		observance.add(new TzOffsetFrom(from));
		observance.add(new TzOffsetTo(to));
		return observance;
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
