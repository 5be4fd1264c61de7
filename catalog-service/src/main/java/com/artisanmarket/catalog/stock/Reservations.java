package com.artisanmarket.catalog.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.catalog.product.ProductWrites;
import com.artisanmarket.catalog.stock.Reservation.ReservationStatus;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.EventRules;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Holds stock for orders without multi-document transactions (the reservation markers of
 * docs/architecture.md, 'Atomicity without multi-document transactions'). The reservation
 * record is written first; each product is then decremented by one conditional update
 * that checks both the stock and that this order is not already marked in its
 * {@code reservedBy}, and marks it; if a line fails, the lines taken are given back; the
 * record is finished with its event in its outbox, and only then are the markers taken
 * out of the products, so a product holds markers of orders in flight only. A release
 * gives each line back the same way, under a {@code returnedBy} marker. Every step can
 * run again after a crash without moving stock twice, so the next delivery of the same
 * event completes what a crash interrupted. One order's events share a Kafka partition,
 * so they are handled one at a time.
 */
@Service
public class Reservations {

	private static final Logger logger = LoggerFactory.getLogger(Reservations.class);

	private final MongoOperations mongo;

	private final ProductWrites products;

	private final Outbox outbox;

	private final Clock clock;

	private final CrashSwitch crash;

	Reservations(MongoOperations mongo, ProductWrites products, Outbox outbox, Clock clock, CrashSwitch crash) {
		this.mongo = mongo;
		this.products = products;
		this.outbox = outbox;
		this.clock = clock;
		this.crash = crash;
	}

	/**
	 * Reserves every line of an order whose buyer is not known, or none.
	 * @param orderId the order
	 * @param orderLines its lines
	 * @return the reservation as it ends
	 */
	public ReservationStatus reserve(String orderId, List<OrderLine> orderLines) {
		return reserve(orderId, null, orderLines);
	}

	/**
	 * Reserves every line of an order, or none.
	 * @param orderId the order
	 * @param buyerId the buyer's account, kept with the reservation (reviews ask whether
	 * an order is the caller's)
	 * @param orderLines its lines
	 * @return the reservation as it ends
	 */
	public ReservationStatus reserve(String orderId, String buyerId, List<OrderLine> orderLines) {
		List<ReservedLine> lines = merge(orderLines);
		Reservation reservation = start(orderId, buyerId, lines);
		if (reservation.status() != ReservationStatus.RESERVING) {
			if (reservation.status() == ReservationStatus.RESERVED) {
				// A crash may have come between finishing and taking the markers out.
				unmarkTaken(orderId, reservation.lines());
			}
			return reservation.status();
		}
		List<FailedLine> failures = new ArrayList<>();
		List<ReservedLine> takenNow = new ArrayList<>();
		int taken = 0;
		for (ReservedLine line : reservation.lines()) {
			Taking taking = take(orderId, line);
			if (taking.failure() != null) {
				failures.add(taking.failure());
			}
			else if (taking.now()) {
				takenNow.add(line);
			}
			taken++;
			this.crash.afterLine(taken);
		}
		if (failures.isEmpty()) {
			StockReserved reserved = new StockReserved(orderId, reservation.lines(), this.clock.instant());
			if (!finish(orderId, ReservationStatus.RESERVED, List.of(), this.outbox.entry(reserved))) {
				// Someone else settled this reservation meanwhile: what this call took is
				// not part of it.
				takenNow.forEach((line) -> giveBack(orderId, line));
				return this.mongo.findById(orderId, Reservation.class).status();
			}
			unmarkTaken(orderId, reservation.lines());
			logger.info("Order {}: stock reserved for {} line(s)", orderId, reservation.lines().size());
			return ReservationStatus.RESERVED;
		}
		reservation.lines().forEach((line) -> giveBack(orderId, line));
		StockReservationFailed failed = new StockReservationFailed(orderId, failures, this.clock.instant());
		finish(orderId, ReservationStatus.FAILED, failures, this.outbox.entry(failed));
		logger.info("Order {} could not be reserved: {}", orderId, failures);
		return ReservationStatus.FAILED;
	}

	/**
	 * Gives back what an order holds, once. A cancellation that arrives before the order
	 * was reserved leaves a {@code RELEASED} tombstone, so the late {@code OrderPlaced}
	 * takes nothing.
	 * @param orderId the order
	 * @param reason why, for the event
	 */
	public void release(String orderId, String reason) {
		Instant now = this.clock.instant();
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		if (reservation == null) {
			try {
				this.mongo.insert(new Reservation(orderId, null, ReservationStatus.RELEASED, List.of(), List.of(), now,
						now, List.of()));
			}
			catch (DuplicateKeyException ex) {
				release(orderId, reason);
			}
			return;
		}
		switch (reservation.status()) {
			case FAILED -> {
				return;
			}
			case RELEASED -> {
				// A crash may have come between releasing and taking the markers out.
				unmarkReturned(orderId, reservation.lines());
				return;
			}
			// Still taking: the lines taken so far are the marked ones.
			case RESERVING -> reservation.lines().forEach((line) -> giveBack(orderId, line));
			case RESERVED -> reservation.lines().forEach((line) -> giveBackReserved(orderId, line));
		}
		StockReleased released = new StockReleased(orderId, reservation.lines(), reason, now);
		Update update = new Update().set("status", ReservationStatus.RELEASED)
			.set("updatedAt", now)
			.push(Outbox.FIELD, this.outbox.entry(released));
		Query current = new Query(Criteria.where("_id").is(orderId).and("status").is(reservation.status()));
		if (this.mongo.updateFirst(current, update, Reservation.class).getModifiedCount() == 1) {
			this.outbox.publishSoon(Reservation.COLLECTION, orderId);
			if (reservation.status() == ReservationStatus.RESERVED) {
				unmarkReturned(orderId, reservation.lines());
			}
			logger.info("Released the stock of order {} ({})", orderId, reason);
		}
	}

	/**
	 * Takes out markers of orders whose units left the workshop. Markers are taken out
	 * when a reservation is finished; this tidies products written before that was so.
	 */
	public void shipped(String orderId) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		if (reservation != null) {
			unmarkTaken(orderId, reservation.lines());
		}
	}

	/**
	 * The products an order's reservation names, every line whether taken or not: a
	 * failed reservation's event lists only the lines that failed, but the lines taken
	 * before were given back, and a read model may have seen them taken.
	 * @param orderId the order
	 * @return the product ids, none if the order has no reservation
	 */
	public List<String> productIds(String orderId) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		return (reservation != null) ? reservation.lines().stream().map(ReservedLine::productId).toList() : List.of();
	}

	/**
	 * The products of an order the buyer placed, as its reservation remembers.
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @return the product ids, none when the order has no reservation or is another
	 * buyer's
	 */
	public List<String> productIdsPlacedBy(String orderId, String buyerId) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		return (reservation != null && buyerId.equals(reservation.buyerId()))
				? reservation.lines().stream().map(ReservedLine::productId).distinct().toList() : List.of();
	}

	/**
	 * Whether the buyer placed an order holding the product, as its reservation
	 * remembers.
	 * @param orderId the order
	 * @param buyerId the buyer's account
	 * @param productId the product
	 * @return whether the reservation names that buyer and that product
	 */
	public boolean placedBy(String orderId, String buyerId, String productId) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		return reservation != null && buyerId.equals(reservation.buyerId())
				&& reservation.lines().stream().anyMatch((line) -> line.productId().equals(productId));
	}

	/**
	 * Why an order's lines, as an event about the order carries them, cannot be the
	 * order's: its reservation, written from its first {@code OrderPlaced}, holds other
	 * products or other quantities. A second {@code OrderPlaced} for the same order is a
	 * redelivery or a republish and carries the same lines; one that does not is forged.
	 * @param orderId the order
	 * @param orderLines the lines the event carries
	 * @return the broken rule, empty when the lines agree or nothing was reserved yet
	 */
	public Optional<String> mismatch(String orderId, List<OrderLine> orderLines) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		if (reservation == null || reservation.lines().isEmpty()) {
			return Optional.empty();
		}
		Map<String, Integer> recorded = EventRules.reservedUnitsByProduct(reservation.lines());
		Map<String, Integer> carried = EventRules.unitsByProduct(orderLines);
		if (recorded.equals(carried)) {
			return Optional.empty();
		}
		return Optional
			.of("lines " + carried + " are not the lines " + recorded + " order " + orderId + " was placed with");
	}

	private Reservation start(String orderId, String buyerId, List<ReservedLine> lines) {
		Instant now = this.clock.instant();
		try {
			Reservation started = new Reservation(orderId, buyerId, ReservationStatus.RESERVING, lines, List.of(), now,
					now, List.of());
			this.mongo.insert(started);
			return started;
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.findById(orderId, Reservation.class);
		}
	}

	/**
	 * One line's taking: failed (with why), taken by this call, or found taken before.
	 */
	private record Taking(FailedLine failure, boolean now) {

	}

	private Taking take(String orderId, ReservedLine line) {
		if (this.products.take(line.productId(), orderId, line.quantity())) {
			return new Taking(null, true);
		}
		Product product = this.mongo.findById(line.productId(), Product.class);
		if (product == null) {
			return new Taking(failure(line, 0, FailureReason.UNKNOWN_PRODUCT), false);
		}
		if (product.reservedBy().stream().anyMatch((held) -> held.orderId().equals(orderId))) {
			return new Taking(null, false);
		}
		if (product.status() != ProductStatus.ACTIVE) {
			return new Taking(failure(line, 0, FailureReason.ARCHIVED), false);
		}
		if (product.artisanStatus() == ArtisanEvent.Status.SUSPENDED) {
			return new Taking(failure(line, 0, FailureReason.ARTISAN_SUSPENDED), false);
		}
		return new Taking(failure(line, product.stock(), FailureReason.OUT_OF_STOCK), false);
	}

	private void giveBack(String orderId, ReservedLine line) {
		this.products.giveBackTaking(line.productId(), orderId, line.quantity());
	}

	private void giveBackReserved(String orderId, ReservedLine line) {
		this.products.giveBackReserved(line.productId(), orderId, line.quantity());
	}

	/**
	 * Takes an order's markers out of its products once its reservation records the step.
	 */
	private void unmarkTaken(String orderId, List<ReservedLine> lines) {
		lines.forEach((line) -> this.products.unmarkTaken(line.productId(), orderId));
	}

	private void unmarkReturned(String orderId, List<ReservedLine> lines) {
		lines.forEach((line) -> this.products.unmarkReturned(line.productId(), orderId));
	}

	/**
	 * @return whether this call finished the reservation (it was still RESERVING)
	 */
	private boolean finish(String orderId, ReservationStatus status, List<FailedLine> failures, OutboxEntry event) {
		Update update = new Update().set("status", status)
			.set("failures", failures)
			.set("updatedAt", this.clock.instant())
			.push(Outbox.FIELD, event);
		boolean finished = this.mongo
			.updateFirst(new Query(Criteria.where("_id").is(orderId).and("status").is(ReservationStatus.RESERVING)),
					update, Reservation.class)
			.getModifiedCount() == 1;
		if (finished) {
			this.outbox.publishSoon(Reservation.COLLECTION, orderId);
		}
		return finished;
	}

	private static FailedLine failure(ReservedLine line, int available, FailureReason reason) {
		return new FailedLine(line.productId(), line.quantity(), available, reason);
	}

	/** One line per product, quantities added, in the order first named. */
	private static List<ReservedLine> merge(List<OrderLine> lines) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		lines.forEach((line) -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
		return quantities.entrySet()
			.stream()
			.map((entry) -> new ReservedLine(entry.getKey(), entry.getValue()))
			.toList();
	}

}
