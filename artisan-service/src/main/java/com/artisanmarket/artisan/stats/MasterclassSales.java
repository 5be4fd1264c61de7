package com.artisanmarket.artisan.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.artisanmarket.events.CatalogEvent.BookingEvent;
import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.Money;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * An artisan's masterclass bookings, apart from their goods, folded from the booking
 * events of {@code catalog-events}: each carries its booking whole at a version, and the
 * artisan's statistics document keeps the newest per booking
 * ({@code masterclassBookings.<bookingId>}, see {@link NewestCopies}), so each booking
 * and each cancellation counts once however often it is delivered.
 */
@Component
class MasterclassSales {

	private static final String FIELD = "masterclassBookings";

	private final NewestCopies copies;

	MasterclassSales(NewestCopies copies) {
		this.copies = copies;
	}

	void apply(BookingEvent event) {
		Document copy = new Document("version", event.version()).append("booked", event instanceof MasterclassBooked)
			.append("masterclassId", event.masterclassId())
			.append("title", event.title())
			.append("seats", event.seats())
			.append("amount", event.total().amount().movePointRight(2).longValueExact())
			.append("currency", event.total().currency());
		this.copies.keep(event.artisanId(), FIELD + "." + event.bookingId(), copy);
	}

	/** The bookings kept in an artisan's statistics document, per class and in all. */
	static SalesView.Masterclasses of(Document stats) {
		Map<String, ClassSales> classes = new LinkedHashMap<>();
		ClassSales all = new ClassSales(null, null);
		long cancelled = 0;
		for (Object value : stats.get(FIELD, new Document()).values()) {
			Document booking = (Document) value;
			if (!booking.getBoolean("booked", false)) {
				cancelled++;
				continue;
			}
			ClassSales sales = classes.computeIfAbsent(booking.getString("masterclassId"),
					(id) -> new ClassSales(id, booking.getString("title")));
			sales.add(booking);
			all.add(booking);
		}
		List<SalesView.MasterclassSales> perClass = new ArrayList<>(
				classes.values().stream().map(ClassSales::view).toList());
		perClass.sort(Comparator.comparingLong(SalesView.MasterclassSales::seats).reversed());
		return new SalesView.Masterclasses(all.bookings, all.seats, cancelled, all.revenue(), perClass);
	}

	private static final class ClassSales {

		private final String masterclassId;

		private final String title;

		private long bookings;

		private long seats;

		private final Map<String, Long> cents = new TreeMap<>();

		ClassSales(String masterclassId, String title) {
			this.masterclassId = masterclassId;
			this.title = title;
		}

		void add(Document booking) {
			this.bookings++;
			this.seats += ((Number) booking.get("seats")).longValue();
			this.cents.merge(booking.getString("currency"), ((Number) booking.get("amount")).longValue(), Long::sum);
		}

		List<Money> revenue() {
			return this.cents.entrySet()
				.stream()
				.map((entry) -> new Money(BigDecimal.valueOf(entry.getValue(), 2), entry.getKey()))
				.toList();
		}

		SalesView.MasterclassSales view() {
			return new SalesView.MasterclassSales(this.masterclassId, this.title, this.bookings, this.seats, revenue());
		}

	}

}
