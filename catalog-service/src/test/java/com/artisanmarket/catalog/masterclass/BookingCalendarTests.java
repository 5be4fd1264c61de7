package com.artisanmarket.catalog.masterclass;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.artisanmarket.events.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar file names the class's local time in its zone and defines the zone with
 * the offset the JDK's rules give at that time, for zones with and without summer time
 * (ical4j's own rules write Tashkent and Samarkand an hour late).
 */
class BookingCalendarTests {

	@ParameterizedTest
	@CsvSource({ "Asia/Samarkand, 2027-03-14T10:00, +0500", "Asia/Tashkent, 2027-12-16T10:00, +0500",
			"Asia/Baku, 2027-07-01T18:30, +0400", "Europe/London, 2027-07-01T10:00, +0100",
			"Europe/London, 2027-12-01T10:00, +0000" })
	void writesTheLocalTimeAndTheOffsetInForce(String zone, String local, String offset) {
		ZonedDateTime start = ZonedDateTime.of(LocalDateTime.parse(local), ZoneId.of(zone));
		String ics = new BookingCalendar().ics(booking(), masterclass(zone, start.toInstant()), null);

		String stamp = local.replace("-", "").replace(":", "") + "00";
		assertThat(ics).contains("DTSTART;TZID=" + zone + ":" + stamp).contains("TZID:" + zone);
		assertThat(offsetInForce(ics, stamp)).isEqualTo(offset);
	}

	/** The TZOFFSETTO of the last observance that starts before the given local time. */
	private static String offsetInForce(String ics, String stamp) {
		String inForce = null;
		String[] lines = ics.split("\\r?\\n");
		for (int i = 0; i < lines.length; i++) {
			if ((lines[i].equals("BEGIN:STANDARD") || lines[i].equals("BEGIN:DAYLIGHT"))
					&& lines[i + 1].substring("DTSTART:".length()).compareTo(stamp) <= 0) {
				inForce = lines[i + 3].substring("TZOFFSETTO:".length());
			}
		}
		return inForce;
	}

	private static Booking booking() {
		return new Booking("b-1", "m-1", "a-1", "u-artisan", "Suzani", "u-buyer", "A buyer", "m-1/1", 1,
				Money.of("45.00", "USD"), BookingStatus.CONFIRMED, List.of(), true, Instant.now(), Instant.now(), 2,
				List.of());
	}

	private static Masterclass masterclass(String zone, Instant start) {
		return new Masterclass("m-1", "a-1", "u-artisan", "Suzani", null, "embroidery", "embroidery", start, 120, zone,
				Masterclass.Format.IN_PERSON, "Bukhara", "bukhara", "UZ", null, List.of("uz"), 10,
				Money.of("45.00", "USD"), start.minusSeconds(86_400), Masterclass.Status.SCHEDULED, null, null,
				Instant.now(), Instant.now(), List.of(), 1, 1);
	}

}
