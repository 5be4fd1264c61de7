package com.artisanmarket.catalog.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.catalog.stock.Reservation.ReservationStatus;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.support.outbox.Outbox;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Holds stock for orders without multi-document transactions (DESIGN.md's reservation
 * pattern). The reservation record is written first; each product is then decremented by
 * one conditional update that checks both the stock and that this order has not taken
 * from it yet, and records the order in {@code reservedBy}; if a line fails, the lines
 * taken are given back; the record is finished with its event in its outbox. Every step
 * can run again after a crash without taking twice, so the next delivery of the same
 * {@code OrderPlaced} completes what a crash interrupted.
 */
@Service
public class Reservations {

	private static final Logger logger = LoggerFactory.getLogger(Reservations.class);

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Clock clock;

	private final CrashSwitch crash;

	Reservations(MongoOperations mongo, Outbox outbox, Clock clock, CrashSwitch crash) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		this.crash = crash;
	}

	/**
	 * Reserves every line of an order, or none.
	 * @param orderId the order
	 * @param orderLines its lines
	 * @return the reservation as it ends
	 */
	public ReservationStatus reserve(String orderId, List<OrderLine> orderLines) {
		List<ReservedLine> lines = merge(orderLines);
		Reservation reservation = start(orderId, lines);
		if (reservation.status() != ReservationStatus.RESERVING) {
			return reservation.status();
		}
		List<FailedLine> failures = new ArrayList<>();
		int taken = 0;
		for (ReservedLine line : reservation.lines()) {
			take(orderId, line).ifPresent(failures::add);
			taken++;
			this.crash.afterLine(taken);
		}
		if (failures.isEmpty()) {
			StockReserved reserved = new StockReserved(orderId, reservation.lines(), this.clock.instant());
			finish(orderId, ReservationStatus.RESERVED, List.of(), this.outbox.entry(reserved));
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
				this.mongo.insert(new Reservation(orderId, ReservationStatus.RELEASED, List.of(), List.of(), now, now,
						List.of()));
			}
			catch (DuplicateKeyException ex) {
				release(orderId, reason);
			}
			return;
		}
		if (reservation.status() == ReservationStatus.RELEASED || reservation.status() == ReservationStatus.FAILED) {
			return;
		}
		reservation.lines().forEach((line) -> giveBack(orderId, line));
		StockReleased released = new StockReleased(orderId, reservation.lines(), reason, now);
		Update update = new Update().set("status", ReservationStatus.RELEASED)
			.set("updatedAt", now)
			.push(Outbox.FIELD, this.outbox.entry(released));
		Query current = new Query(Criteria.where("_id").is(orderId).and("status").is(reservation.status()));
		if (this.mongo.updateFirst(current, update, Reservation.class).getModifiedCount() == 1) {
			this.outbox.publishSoon(Reservation.COLLECTION, orderId);
			logger.info("Released the stock of order {} ({})", orderId, reason);
		}
	}

	/** The order's units left the workshop: no longer held, and never to come back. */
	public void shipped(String orderId) {
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		if (reservation == null) {
			return;
		}
		for (ReservedLine line : reservation.lines()) {
			this.mongo.updateFirst(new Query(Criteria.where("_id").is(line.productId())),
					new Update().pull("reservedBy", new Document("orderId", orderId)), Product.class);
		}
	}

	private Reservation start(String orderId, List<ReservedLine> lines) {
		Instant now = this.clock.instant();
		try {
			Reservation started = new Reservation(orderId, ReservationStatus.RESERVING, lines, List.of(), now, now,
					List.of());
			this.mongo.insert(started);
			return started;
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.findById(orderId, Reservation.class);
		}
	}

	/**
	 * @return why the line could not be held, or empty when it is held (now or before)
	 */
	private java.util.Optional<FailedLine> take(String orderId, ReservedLine line) {
		Query available = new Query(Criteria.where("_id")
			.is(line.productId())
			.and("status")
			.is(ProductStatus.ACTIVE)
			.and("artisanStatus")
			.ne(ArtisanEvent.Status.SUSPENDED)
			.and("stock")
			.gte(line.quantity())
			.and("reservedBy.orderId")
			.ne(orderId));
		Update hold = new Update().inc("stock", -line.quantity())
			.push("reservedBy", new Product.Held(orderId, line.quantity()));
		if (this.mongo.findAndModify(available, hold, FindAndModifyOptions.options().returnNew(true),
				Product.class) != null) {
			return java.util.Optional.empty();
		}
		Product product = this.mongo.findById(line.productId(), Product.class);
		if (product == null) {
			return java.util.Optional.of(failure(line, 0, FailureReason.UNKNOWN_PRODUCT));
		}
		if (product.reservedBy().stream().anyMatch((held) -> held.orderId().equals(orderId))) {
			return java.util.Optional.empty();
		}
		if (product.status() != ProductStatus.ACTIVE) {
			return java.util.Optional.of(failure(line, 0, FailureReason.ARCHIVED));
		}
		if (product.artisanStatus() == ArtisanEvent.Status.SUSPENDED) {
			return java.util.Optional.of(failure(line, 0, FailureReason.ARTISAN_SUSPENDED));
		}
		return java.util.Optional.of(failure(line, product.stock(), FailureReason.OUT_OF_STOCK));
	}

	/**
	 * Gives a line's units back if this order holds them; a no-op otherwise, so safe to
	 * repeat.
	 */
	private void giveBack(String orderId, ReservedLine line) {
		Query held = new Query(Criteria.where("_id").is(line.productId()).and("reservedBy.orderId").is(orderId));
		Update back = new Update().inc("stock", line.quantity()).pull("reservedBy", new Document("orderId", orderId));
		this.mongo.updateFirst(held, back, Product.class);
	}

	private void finish(String orderId, ReservationStatus status, List<FailedLine> failures,
			com.artisanmarket.support.outbox.OutboxEntry event) {
		Update update = new Update().set("status", status)
			.set("failures", failures)
			.set("updatedAt", this.clock.instant())
			.push(Outbox.FIELD, event);
		this.mongo.updateFirst(
				new Query(Criteria.where("_id").is(orderId).and("status").is(ReservationStatus.RESERVING)), update,
				Reservation.class);
		this.outbox.publishSoon(Reservation.COLLECTION, orderId);
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
