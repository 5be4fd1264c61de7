package com.artisanmarket.catalog.masterclass;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.product.CatalogProperties;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.data.Contention;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Schedules, edits, cancels and lists masterclasses. Every change of a class is one write
 * conditional on its {@code version}, so an edit can never lower the seats below those a
 * booking took in between.
 */
@Service
class Masterclasses {

	private static final Logger logger = LoggerFactory.getLogger(Masterclasses.class);

	/** Booking closes this long before the start unless the artisan says otherwise. */
	static final Duration DEFAULT_BOOKING_CLOSE = Duration.ofHours(24);

	private final MongoOperations mongo;

	private final ArtisanSnapshots artisans;

	private final CatalogProperties properties;

	private final Clock clock;

	Masterclasses(MongoOperations mongo, ArtisanSnapshots artisans, CatalogProperties properties, Clock clock) {
		this.mongo = mongo;
		this.artisans = artisans;
		this.properties = properties;
		this.clock = clock;
	}

	/** Schedules a class taught by the caller's artisan profile. */
	Masterclass create(NewMasterclass request, Caller caller, String bearerToken) {
		ArtisanSnapshot artisan = this.artisans.forOwner(caller.accountId(), bearerToken)
			.orElseThrow(() -> new ConflictException("Create your artisan profile before scheduling masterclasses."));
		Instant now = this.clock.instant();
		Details details = details(request, artisan, now, null);
		Masterclass masterclass = new Masterclass(UUID.randomUUID().toString(), artisan.id(), caller.accountId(),
				details.title, details.description, details.craft, key(details.craft), details.startsAt,
				details.durationMinutes, details.timeZone, details.format, details.city, key(details.city),
				details.country, details.address, details.languages, details.seats, details.price,
				details.bookingClosesAt, Masterclass.Status.SCHEDULED, null, null, now, now, List.of(), 0, 1);
		this.mongo.insert(masterclass);
		logger.info("Artisan {} scheduled masterclass {} on {} with {} seats", artisan.id(), masterclass.id(),
				masterclass.startsAt(), masterclass.seats());
		return masterclass;
	}

	/**
	 * Changes a class's details (its owner or an admin).
	 * @throws ConflictException cancelled, or fewer seats than are booked
	 */
	Masterclass update(String id, NewMasterclass request, Caller caller) {
		return Contention.retry(() -> {
			Masterclass current = owned(id, caller);
			if (current.status() == Masterclass.Status.CANCELLED) {
				throw new ConflictException("This masterclass is cancelled; it can no longer be changed.");
			}
			Instant now = this.clock.instant();
			Details details = details(request, this.artisans.find(current.artisanId()).orElse(null), now, current);
			if (details.seats < current.booked()) {
				throw new ConflictException(current.booked() + " seats are booked; seats cannot drop below that.");
			}
			Update update = new Update().set("title", details.title)
				.set("description", details.description)
				.set("craft", details.craft)
				.set("craftKey", key(details.craft))
				.set("startsAt", details.startsAt)
				.set("durationMinutes", details.durationMinutes)
				.set("timeZone", details.timeZone)
				.set("format", details.format)
				.set("city", details.city)
				.set("cityKey", key(details.city))
				.set("country", details.country)
				.set("address", details.address)
				.set("languages", details.languages)
				.set("seats", details.seats)
				.set("price", details.price)
				.set("bookingClosesAt", details.bookingClosesAt)
				.set("updatedAt", now)
				.set("version", current.version() + 1);
			return written(current, update) ? Optional.of(this.mongo.findById(id, Masterclass.class))
					: Optional.empty();
		}, "Masterclass " + id + " is changing right now; try again.");
	}

	/**
	 * Cancels a class (its owner or an admin); its bookings are cancelled after it, see
	 * {@link Bookings#cancelWith}. Cancelling a cancelled class changes nothing.
	 */
	Masterclass cancel(String id, String reason, Caller caller) {
		return Contention.retry(() -> {
			Masterclass current = owned(id, caller);
			if (current.status() == Masterclass.Status.CANCELLED) {
				return Optional.of(current);
			}
			Instant now = this.clock.instant();
			if (!now.isBefore(current.startsAt())) {
				throw new ConflictException("This masterclass has started; it can no longer be cancelled.");
			}
			Update update = new Update().set("status", Masterclass.Status.CANCELLED)
				.set("cancelReason", reason)
				.set("cancelledBy", caller.accountId())
				.set("updatedAt", now)
				.set("version", current.version() + 1);
			if (!written(current, update)) {
				return Optional.empty();
			}
			logger.info("Masterclass {} cancelled by {}: {}", id, caller.accountId(), reason);
			return Optional.of(this.mongo.findById(id, Masterclass.class));
		}, "Masterclass " + id + " is changing right now; try again.");
	}

	Masterclass get(String id) {
		return Optional.ofNullable(find(id)).orElseThrow(() -> new NotFoundException("masterclass", id));
	}

	/** The class, or {@code null}. */
	Masterclass find(String id) {
		return this.mongo.findById(id, Masterclass.class);
	}

	/** A class its owner or an admin may change. */
	Masterclass owned(String id, Caller caller) {
		Masterclass masterclass = get(id);
		if (!caller.isOwnerOrAdmin(masterclass.ownerId())) {
			throw new AccessDeniedException("Only the artisan who teaches it or an admin may change a masterclass.");
		}
		return masterclass;
	}

	/** Classes matching the filter, soonest first. */
	PageView<Masterclass> list(MasterclassFilter filter, PageRequest page) {
		Criteria criteria = Criteria.where("status").is(filter.status());
		Criteria starts = Criteria.where("startsAt")
			.gte((filter.from() != null) ? filter.from() : this.clock.instant());
		if (filter.to() != null) {
			starts = starts.lt(filter.to());
		}
		List<Criteria> all = new ArrayList<>(List.of(criteria, starts));
		Optional.ofNullable(filter.artisanId()).ifPresent((id) -> all.add(Criteria.where("artisanId").is(id)));
		Optional.ofNullable(filter.format()).ifPresent((format) -> all.add(Criteria.where("format").is(format)));
		Optional.ofNullable(filter.country())
			.ifPresent((country) -> all.add(Criteria.where("country").is(country.toUpperCase(Locale.ROOT))));
		Optional.ofNullable(filter.city()).ifPresent((city) -> all.add(Criteria.where("cityKey").is(key(city))));
		Optional.ofNullable(filter.craft()).ifPresent((craft) -> all.add(Criteria.where("craftKey").is(key(craft))));
		Optional.ofNullable(filter.language())
			.ifPresent((language) -> all.add(Criteria.where("languages").is(language.toLowerCase(Locale.ROOT))));
		Query query = new Query(new Criteria().andOperator(all));
		long total = this.mongo.count(query, Masterclass.class);
		query.with(Sort.by("startsAt", "_id")).skip(page.offset()).limit(page.size());
		query.fields().exclude("holds");
		return PageView.of(this.mongo.find(query, Masterclass.class), page, total);
	}

	/** The views of classes, each with its artisan. */
	List<MasterclassView> views(List<Masterclass> masterclasses) {
		Map<String, ArtisanSnapshot> makers = new HashMap<>();
		Instant now = this.clock.instant();
		return masterclasses.stream()
			.map((masterclass) -> MasterclassView.of(masterclass,
					makers.computeIfAbsent(masterclass.artisanId(), (id) -> this.artisans.find(id).orElse(null)), now))
			.toList();
	}

	MasterclassView view(Masterclass masterclass) {
		return views(List.of(masterclass)).getFirst();
	}

	private boolean written(Masterclass current, Update update) {
		Query unchanged = new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
		return this.mongo.updateFirst(unchanged, update, Masterclass.class).getModifiedCount() == 1;
	}

	/**
	 * A request's details checked and completed.
	 * @param current the class as it is, when editing
	 */
	private Details details(NewMasterclass request, ArtisanSnapshot artisan, Instant now, Masterclass current) {
		ZoneId zone;
		try {
			zone = ZoneId.of(request.timeZone());
		}
		catch (DateTimeException ex) {
			zone = null;
		}
		if (zone == null || !ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
			throw new FieldValidationException("timeZone", "must be an IANA time zone such as Asia/Samarkand");
		}
		Instant startsAt = request.startsAt().toInstant();
		boolean moved = current == null || !current.startsAt().equals(startsAt);
		if (moved && !startsAt.isAfter(now)) {
			throw new FieldValidationException("startsAt", "must be in the future");
		}
		Instant closes;
		if (request.bookingClosesAt() != null) {
			closes = request.bookingClosesAt().toInstant();
			if (closes.isAfter(startsAt)) {
				throw new FieldValidationException("bookingClosesAt", "must not be after startsAt");
			}
		}
		else {
			closes = startsAt.minus(DEFAULT_BOOKING_CLOSE);
			closes = closes.isAfter(now) ? closes : startsAt;
		}
		String city = blankToNull(request.city());
		String country = request.country();
		if (request.format() == Masterclass.Format.IN_PERSON) {
			if (city == null) {
				throw new FieldValidationException("city", "is required for a class in person");
			}
			if (country == null) {
				throw new FieldValidationException("country", "is required for a class in person");
			}
		}
		else if (artisan != null) {
			city = (city != null) ? city : artisan.city();
			country = (country != null) ? country : artisan.country();
		}
		if (!this.properties.currencies().contains(request.price().currency())) {
			throw new FieldValidationException("price.currency",
					"must be one of " + new ArrayList<>(new TreeSet<>(this.properties.currencies())));
		}
		Money price = new Money(request.price().amount().setScale(2), request.price().currency());
		return new Details(request.title().strip(), blankToNull(request.description()), request.craft().strip(),
				startsAt, request.durationMinutes(), request.timeZone(), request.format(), city, country,
				(request.format() == Masterclass.Format.IN_PERSON) ? blankToNull(request.address()) : null,
				request.languages().stream().distinct().toList(), request.seats(), price, closes);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String key(String text) {
		return (text != null) ? text.strip().toLowerCase(Locale.ROOT) : null;
	}

	private record Details(String title, String description, String craft, Instant startsAt, int durationMinutes,
			String timeZone, Masterclass.Format format, String city, String country, String address,
			List<String> languages, int seats, Money price, Instant bookingClosesAt) {

	}

}
