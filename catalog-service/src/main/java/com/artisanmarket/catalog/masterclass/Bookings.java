package com.artisanmarket.catalog.masterclass;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.CatalogEvent.MasterclassBookingCancelled;
import com.artisanmarket.support.data.Contention;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Books seats at masterclasses without transactions, in three steps that can each be
 * repeated: the booking is stored {@code PENDING} under an id derived from its
 * idempotency key; its seats are taken as a hold in the class's document, by one write
 * conditional on the class's version after checking the seats left (so the seats held
 * never exceed the seats); then the booking becomes {@code CONFIRMED} with
 * {@code MasterclassBooked} in its outbox, or {@code REJECTED}. Cancelling goes the other
 * way: the booking becomes {@code CANCELLED} with its event first, then its hold is taken
 * out. A booking whose class does not yet agree with it is not {@code settled}; should
 * this process stop in between, {@link BookingSweeper} finishes the step.
 */
@Service
class Bookings {

	private static final Logger logger = LoggerFactory.getLogger(Bookings.class);

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Masterclasses masterclasses;

	private final Clock clock;

	/**
	 * For crash tests only: the JVM halts (as {@code kill -9} would) right after this
	 * process took the seats of its N-th booking, before the booking is confirmed; 0 (the
	 * default) never.
	 */
	private final int crashAfterHolds;

	private final AtomicInteger holdsTaken = new AtomicInteger();

	Bookings(MongoOperations mongo, Outbox outbox, Masterclasses masterclasses, Clock clock,
			@Value("${marketplace.masterclasses.crash-after-holds:0}") int crashAfterHolds) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.masterclasses = masterclasses;
		this.clock = clock;
		this.crashAfterHolds = crashAfterHolds;
		if (crashAfterHolds > 0) {
			logger.warn("CRASH SWITCH ON: the JVM halts after taking the seats of {} booking(s)", crashAfterHolds);
		}
	}

	/**
	 * Books seats once per idempotency key: the same key and request return the booking
	 * made; the same key for another request is refused.
	 * @return the booking, {@code PENDING} only when its class was too busy to answer now
	 * @throws ConflictException the class is cancelled or closed for booking
	 */
	Booking book(String masterclassId, int seats, String idempotencyKey, Caller buyer, String displayName) {
		String id = Booking.idFor(buyer.accountId(), idempotencyKey);
		String request = masterclassId + "/" + seats;
		Booking existing = this.mongo.findById(id, Booking.class);
		if (existing != null) {
			return again(existing, request);
		}
		Masterclass masterclass = this.masterclasses.get(masterclassId);
		Instant now = this.clock.instant();
		if (masterclass.status() == Masterclass.Status.CANCELLED) {
			throw new ConflictException("This masterclass is cancelled.");
		}
		if (!now.isBefore(masterclass.bookingClosesAt())) {
			throw new ConflictException(
					"Booking for this masterclass closed at " + masterclass.bookingClosesAt() + ".");
		}
		Booking pending = new Booking(id, masterclass.id(), masterclass.artisanId(), masterclass.ownerId(),
				masterclass.title(), buyer.accountId(), displayName, request, seats, masterclass.price().times(seats),
				BookingStatus.PENDING, List.of(new Booking.Change(BookingStatus.PENDING, now, null)), false, now, now,
				1, List.of());
		try {
			this.mongo.insert(pending);
		}
		catch (DuplicateKeyException ex) {
			return again(this.mongo.findById(id, Booking.class), request);
		}
		return settle(pending);
	}

	private Booking again(Booking existing, String request) {
		if (!existing.requestHash().equals(request)) {
			throw new ReusedKeyException();
		}
		return (existing.status() == BookingStatus.PENDING) ? settle(existing) : existing;
	}

	/**
	 * Brings a booking and its class to agree: a pending booking takes its seats (or is
	 * rejected), a cancelled or rejected one gives back any it holds. Can be repeated.
	 */
	Booking settle(Booking booking) {
		return switch (booking.status()) {
			case PENDING -> decide(booking);
			case CANCELLED, REJECTED -> release(booking);
			case CONFIRMED, ATTENDED -> booking;
		};
	}

	private Booking decide(Booking booking) {
		String refusal;
		try {
			refusal = claim(booking);
		}
		catch (ConflictException busy) {
			logger.info("Booking {}: masterclass {} too busy, left for the sweep", booking.id(),
					booking.masterclassId());
			return booking;
		}
		Instant now = this.clock.instant();
		long version = booking.version() + 1;
		BookingStatus status = (refusal == null) ? BookingStatus.CONFIRMED : BookingStatus.REJECTED;
		Update update = new Update().set("status", status)
			.set("settled", true)
			.set("updatedAt", now)
			.set("version", version)
			.push("statusHistory", new Booking.Change(status, now, refusal));
		if (refusal == null) {
			Masterclass masterclass = this.mongo.findById(booking.masterclassId(), Masterclass.class);
			update.push(Outbox.FIELD,
					this.outbox.entry(new MasterclassBooked(booking.id(), booking.masterclassId(), booking.artisanId(),
							booking.ownerId(), booking.buyerId(), booking.title(),
							(masterclass != null) ? masterclass.startsAt() : null, booking.seats(), booking.total(),
							version, now)));
		}
		Query pending = new Query(Criteria.where("_id").is(booking.id()).and("status").is(BookingStatus.PENDING));
		if (this.mongo.updateFirst(pending, update, Booking.class).getModifiedCount() == 1) {
			if (refusal == null) {
				this.outbox.publishSoon(Booking.COLLECTION, booking.id());
			}
			logger.info("Booking {} of {} seat(s) at masterclass {}: {}{}", booking.id(), booking.seats(),
					booking.masterclassId(), status, (refusal != null) ? " (" + refusal + ")" : "");
		}
		Booking decided = this.mongo.findById(booking.id(), Booking.class);
		// Another writer may have rejected it while this one took seats: give them back.
		return (decided.holdsSeats() || decided.status() == BookingStatus.PENDING) ? decided : release(decided);
	}

	/**
	 * Takes the booking's seats in its class, unless it holds them already.
	 * @return why it cannot have them, or {@code null} once they are held
	 */
	private String claim(Booking booking) {
		return Contention.retry(() -> {
			Masterclass masterclass = this.mongo.findById(booking.masterclassId(), Masterclass.class);
			if (masterclass == null) {
				return Optional.of(Claim.refused("The masterclass no longer exists."));
			}
			if (masterclass.status() == Masterclass.Status.CANCELLED) {
				return Optional.of(Claim.refused("The masterclass was cancelled"
						+ ((masterclass.cancelReason() != null) ? ": " + masterclass.cancelReason() : ".")));
			}
			if (masterclass.hold(booking.id()).isPresent()) {
				return Optional.of(Claim.HELD);
			}
			if (!this.clock.instant().isBefore(masterclass.bookingClosesAt())) {
				return Optional.of(Claim.refused("Booking for this masterclass has closed."));
			}
			int left = masterclass.seatsLeft();
			if (booking.seats() > left) {
				return Optional.of(Claim
					.refused((left == 0) ? "The masterclass is full." : "Only " + left + " seat(s) are left."));
			}
			List<Masterclass.Hold> holds = new ArrayList<>(masterclass.holds());
			holds.add(new Masterclass.Hold(booking.id(), booking.buyerId(), booking.seats()));
			if (!write(masterclass, holds, masterclass.booked() + booking.seats())) {
				return Optional.empty();
			}
			if (this.crashAfterHolds > 0 && this.holdsTaken.incrementAndGet() == this.crashAfterHolds) {
				Runtime.getRuntime().halt(137);
			}
			return Optional.of(Claim.HELD);
		}, "Masterclass " + booking.masterclassId() + " is being booked by many right now; try again.").refusal();
	}

	/**
	 * Gives back the seats a booking that holds none by its status still has in its
	 * class.
	 */
	private Booking release(Booking booking) {
		Contention.retry(() -> {
			Masterclass masterclass = this.mongo.findById(booking.masterclassId(), Masterclass.class);
			Optional<Masterclass.Hold> hold = (masterclass != null) ? masterclass.hold(booking.id()) : Optional.empty();
			if (hold.isEmpty()) {
				return Optional.of(true);
			}
			List<Masterclass.Hold> holds = masterclass.holds()
				.stream()
				.filter((other) -> !other.bookingId().equals(booking.id()))
				.toList();
			return write(masterclass, holds, masterclass.booked() - hold.get().seats()) ? Optional.of(true)
					: Optional.empty();
		}, "Masterclass " + booking.masterclassId() + " is being booked by many right now; try again.");
		this.mongo.updateFirst(new Query(
				Criteria.where("_id").is(booking.id()).and("status").is(booking.status()).and("settled").is(false)),
				new Update().set("settled", true), Booking.class);
		return this.mongo.findById(booking.id(), Booking.class);
	}

	private boolean write(Masterclass masterclass, List<Masterclass.Hold> holds, int booked) {
		Query unchanged = new Query(
				Criteria.where("_id").is(masterclass.id()).and("version").is(masterclass.version()));
		Update update = new Update().set("holds", holds)
			.set("booked", booked)
			.set("version", masterclass.version() + 1);
		return this.mongo.updateFirst(unchanged, update, Masterclass.class).getModifiedCount() == 1;
	}

	/**
	 * The buyer cancels a confirmed booking before its class's booking closes; the seats
	 * are free again. Cancelling a cancelled booking changes nothing.
	 */
	Booking cancel(String id, Caller caller) {
		Booking booking = visible(id, caller);
		if (!booking.buyerId().equals(caller.accountId())) {
			throw new AccessDeniedException("Only its buyer may cancel a booking.");
		}
		if (booking.status() == BookingStatus.CANCELLED) {
			return settle(booking);
		}
		if (booking.status() != BookingStatus.CONFIRMED) {
			throw new ConflictException(
					"Only a confirmed booking can be cancelled; this one is " + booking.status() + ".");
		}
		Masterclass masterclass = this.masterclasses.get(booking.masterclassId());
		if (!this.clock.instant().isBefore(masterclass.bookingClosesAt())) {
			throw new ConflictException(
					"Cancelling closed at " + masterclass.bookingClosesAt() + "; ask the artisan instead.");
		}
		return cancelled(booking.id(), caller.accountId(), null);
	}

	/**
	 * Cancels every booking of a cancelled class, each with the class's reason. Can be
	 * repeated.
	 */
	void cancelWith(Masterclass masterclass) {
		for (Masterclass.Hold hold : masterclass.holds()) {
			Booking booking = this.mongo.findById(hold.bookingId(), Booking.class);
			if (booking == null) {
				continue;
			}
			if (booking.holdsSeats()) {
				cancelled(booking.id(), masterclass.cancelledBy(), "The masterclass was cancelled"
						+ ((masterclass.cancelReason() != null) ? ": " + masterclass.cancelReason() : "."));
			}
			else {
				settle(booking);
			}
		}
	}

	private Booking cancelled(String id, String by, String reason) {
		Booking booking = Contention.retry(() -> {
			Booking current = this.mongo.findById(id, Booking.class);
			if (!current.holdsSeats()) {
				return Optional.of(current);
			}
			Instant now = this.clock.instant();
			long version = current.version() + 1;
			Update update = new Update().set("status", BookingStatus.CANCELLED)
				.set("settled", false)
				.set("updatedAt", now)
				.set("version", version)
				.push("statusHistory", new Booking.Change(BookingStatus.CANCELLED, now, reason))
				.push(Outbox.FIELD,
						this.outbox.entry(new MasterclassBookingCancelled(current.id(), current.masterclassId(),
								current.artisanId(), current.ownerId(), current.buyerId(), current.title(),
								current.seats(), current.total(), by, reason, version, now)));
			Query unchanged = new Query(Criteria.where("_id").is(id).and("version").is(current.version()));
			if (this.mongo.updateFirst(unchanged, update, Booking.class).getModifiedCount() != 1) {
				return Optional.empty();
			}
			this.outbox.publishSoon(Booking.COLLECTION, id);
			logger.info("Booking {} at masterclass {} cancelled by {}", id, current.masterclassId(), by);
			return Optional.of(this.mongo.findById(id, Booking.class));
		}, "Booking " + id + " is changing right now; try again.");
		return settle(booking);
	}

	/** The artisan marks the buyer present, once the class has started. */
	Booking attend(String id, Caller caller) {
		Booking booking = visible(id, caller);
		if (!caller.isOwnerOrAdmin(booking.ownerId())) {
			throw new AccessDeniedException("Only the artisan who teaches the class or an admin marks attendance.");
		}
		Masterclass masterclass = this.masterclasses.get(booking.masterclassId());
		if (this.clock.instant().isBefore(masterclass.startsAt())) {
			throw new ConflictException("Attendance can be marked once the class has started.");
		}
		return Contention.retry(() -> {
			Booking current = this.mongo.findById(id, Booking.class);
			if (current.status() == BookingStatus.ATTENDED) {
				return Optional.of(current);
			}
			if (current.status() != BookingStatus.CONFIRMED) {
				throw new ConflictException(
						"Only a confirmed booking can be marked attended; this one is " + current.status() + ".");
			}
			Instant now = this.clock.instant();
			Update update = new Update().set("status", BookingStatus.ATTENDED)
				.set("updatedAt", now)
				.set("version", current.version() + 1)
				.push("statusHistory", new Booking.Change(BookingStatus.ATTENDED, now, null));
			Query unchanged = new Query(Criteria.where("_id").is(id).and("version").is(current.version()));
			return (this.mongo.updateFirst(unchanged, update, Booking.class).getModifiedCount() == 1)
					? Optional.of(this.mongo.findById(id, Booking.class)) : Optional.empty();
		}, "Booking " + id + " is changing right now; try again.");
	}

	/**
	 * A booking its buyer, the artisan who teaches the class, or an admin may see.
	 * @throws NotFoundException for anyone else, as if there were none
	 */
	Booking visible(String id, Caller caller) {
		Booking booking = this.mongo.findById(id, Booking.class);
		if (booking == null
				|| !(caller.isOwnerOrAdmin(booking.buyerId()) || caller.isOwnerOrAdmin(booking.ownerId()))) {
			throw new NotFoundException("booking", id);
		}
		return booking;
	}

	/** The buyer's bookings, newest first. */
	PageView<Booking> mine(Caller buyer, PageRequest page) {
		Query query = new Query(Criteria.where("buyerId").is(buyer.accountId()));
		long total = this.mongo.count(query, Booking.class);
		query.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).skip(page.offset()).limit(page.size());
		query.fields().exclude(Outbox.FIELD);
		return PageView.of(this.mongo.find(query, Booking.class), page, total);
	}

	/**
	 * Who is coming to a class: its confirmed and attended bookings, first booked first.
	 */
	List<Booking> attendees(String masterclassId, Caller caller) {
		this.masterclasses.owned(masterclassId, caller);
		Query query = new Query(Criteria.where("masterclassId")
			.is(masterclassId)
			.and("status")
			.in(BookingStatus.CONFIRMED, BookingStatus.ATTENDED)).with(Sort.by("createdAt", "_id"));
		query.fields().exclude(Outbox.FIELD);
		return this.mongo.find(query, Booking.class);
	}

	/** Bookings whose class does not agree with them since before the given instant. */
	List<Booking> unsettled(Instant before, int limit) {
		Query query = new Query(Criteria.where("settled").is(false).and("updatedAt").lt(before)).limit(limit);
		query.fields().exclude(Outbox.FIELD);
		return this.mongo.find(query, Booking.class);
	}

	/**
	 * What taking seats came to.
	 *
	 * @param refusal why not, or {@code null} when they are held
	 */
	private record Claim(String refusal) {

		static final Claim HELD = new Claim(null);

		static Claim refused(String why) {
			return new Claim(why);
		}

	}

}
