package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order as stored, with the idempotency key it was placed with and a hash of the
 * request, the accounts of the artisans in it ({@code lineOwners}, for their listing),
 * its history, and the outbox entries of its events.
 * <p>
 * The state machine lives here: each step checks who may take it in which state and
 * returns the change and the event that tells the other services
 * ({@link OrderTransition}); {@link Orders} writes it, conditional on the version the
 * step was decided on. A caller who may not see the order is told it does not exist.
 */
@Document(Order.COLLECTION)
public record Order(@Id String id, String buyerId, String idempotencyKey, String requestHash, OrderStatus status,
		List<Line> lines, Money total, ShippingAddress shippingAddress, List<String> lineOwners, Instant createdAt,
		Instant updatedAt, List<Change> statusHistory, long version, List<OutboxEntry> outbox) {

	public static final String COLLECTION = "orders";

	/** What a declined order's reason begins with, before the artisan's words. */
	static final String DECLINED = "declined by the artisan: ";

	/** Whether the caller may see the order: its buyer, an artisan in it, an admin. */
	public boolean visibleTo(Caller caller) {
		return caller.isAdmin() || this.buyerId.equals(caller.accountId())
				|| this.lineOwners.contains(caller.accountId());
	}

	/** The buyer or an admin cancels, before anything has shipped. */
	OrderTransition cancel(Caller caller, String reason, Instant now) {
		if (!caller.isOwnerOrAdmin(this.buyerId)) {
			throw new NotFoundException("order", this.id);
		}
		if (!open()) {
			throw new ConflictException("An order that is " + this.status + " cannot be cancelled.");
		}
		return callOff(caller.accountId(), reason, now);
	}

	/**
	 * An artisan with lines in the order refuses it, with a reason the buyer sees, before
	 * anything has shipped; the whole order is cancelled and its stock released, as when
	 * the buyer cancels. Another artisan, who may not know of the order, is told it does
	 * not exist.
	 */
	OrderTransition decline(Caller artisan, String reason, Instant now) {
		if (!this.lineOwners.contains(artisan.accountId())) {
			throw new NotFoundException("order", this.id);
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new FieldValidationException("reason",
					"say why the order is declined, in at most 500 characters; the buyer reads it");
		}
		if (!open()) {
			throw new ConflictException("An order that is " + this.status + " cannot be declined.");
		}
		return callOff(artisan.accountId(), DECLINED + reason.strip(), now);
	}

	/**
	 * A confirmed order that nobody shipped in time is cancelled with the reason, as if
	 * its buyer had cancelled it, so its stock goes back on sale. An order with a line
	 * shipped already is left alone: its stock cannot come back.
	 * @param placedBefore only an order placed before this expires
	 * @return the step, empty when the order does not expire
	 */
	Optional<OrderTransition> expire(Instant placedBefore, String reason, Instant now) {
		if (this.status != OrderStatus.CONFIRMED || !open() || !this.createdAt.isBefore(placedBefore)) {
			return Optional.empty();
		}
		return Optional.of(callOff(null, reason, now));
	}

	/** An artisan ships their own lines; the order is SHIPPED once every artisan has. */
	OrderTransition ship(Caller artisan, String trackingRef, Instant now) {
		if (!this.lineOwners.contains(artisan.accountId())) {
			throw new NotFoundException("order", this.id);
		}
		if (this.status != OrderStatus.CONFIRMED) {
			throw new ConflictException("Only a confirmed order can be shipped; this one is " + this.status + ".");
		}
		List<Line> shipped = this.lines.stream()
			.map((line) -> (line.ownerId().equals(artisan.accountId()) && line.shippedAt() == null)
					? new Line(line.productId(), line.artisanId(), line.ownerId(), line.title(), line.unitPrice(),
							line.quantity(), line.lineTotal(), now, trackingRef)
					: line)
			.toList();
		if (!shipped.stream().allMatch((line) -> line.shippedAt() != null)) {
			return OrderTransition.lines(shipped);
		}
		return new OrderTransition(new Change(OrderStatus.SHIPPED, now, null), shipped,
				new OrderShipped(this.id, this.buyerId, shipments(shipped), now));
	}

	/** The buyer (or an admin) confirms the order arrived. */
	OrderTransition deliver(Caller caller, Instant now) {
		if (!caller.isOwnerOrAdmin(this.buyerId)) {
			throw new NotFoundException("order", this.id);
		}
		if (this.status != OrderStatus.SHIPPED) {
			throw new ConflictException("Only a shipped order can be delivered; this one is " + this.status + ".");
		}
		return new OrderTransition(new Change(OrderStatus.DELIVERED, now, null), null,
				new OrderDelivered(this.id, this.buyerId, eventLines(), this.total, now));
	}

	/**
	 * The catalogue reserved the stock: PENDING becomes CONFIRMED (nothing else does).
	 */
	Optional<OrderTransition> confirm(Instant now) {
		if (this.status != OrderStatus.PENDING) {
			return Optional.empty();
		}
		return Optional.of(new OrderTransition(new Change(OrderStatus.CONFIRMED, now, null), null,
				new OrderConfirmed(this.id, this.buyerId, eventLines(), this.total, this.createdAt, now)));
	}

	/**
	 * The order cannot be fulfilled: PENDING becomes REJECTED with the reason.
	 * @param problems the lines that could not be reserved, if that is why
	 */
	Optional<OrderTransition> reject(String reason, List<LineProblem> problems, Instant now) {
		if (this.status != OrderStatus.PENDING) {
			return Optional.empty();
		}
		return Optional.of(new OrderTransition(new Change(OrderStatus.REJECTED, now, reason, problems), null,
				new OrderRejected(this.id, this.buyerId, reason, now)));
	}

	/** The order's {@code OrderPlaced}: at placement, and again when it got no answer. */
	OrderPlaced placed() {
		return new OrderPlaced(this.id, this.buyerId, eventLines(), this.total, this.createdAt);
	}

	/**
	 * The order with these outbox entries: its {@code OrderPlaced} before it is stored.
	 */
	Order withOutbox(List<OutboxEntry> entries) {
		return new Order(this.id, this.buyerId, this.idempotencyKey, this.requestHash, this.status, this.lines,
				this.total, this.shippingAddress, this.lineOwners, this.createdAt, this.updatedAt, this.statusHistory,
				this.version, entries);
	}

	/** Whether the order may still be called off: not final, and nothing shipped. */
	private boolean open() {
		return (this.status == OrderStatus.PENDING || this.status == OrderStatus.CONFIRMED)
				&& this.lines.stream().allMatch((line) -> line.shippedAt() == null);
	}

	/**
	 * Cancels the order; its {@code OrderCancelled} releases the stock in the catalogue.
	 * @param by the account that called it off, none for the marketplace itself
	 */
	private OrderTransition callOff(String by, String reason, Instant now) {
		return new OrderTransition(new Change(OrderStatus.CANCELLED, now, reason), null,
				new OrderCancelled(this.id, this.buyerId, eventLines(), this.total,
						this.status == OrderStatus.CONFIRMED, by, reason, this.createdAt, now));
	}

	private List<OrderLine> eventLines() {
		return this.lines.stream()
			.map((line) -> new OrderLine(line.productId(), line.artisanId(), line.ownerId(), line.title(),
					line.unitPrice(), line.quantity(), line.lineTotal()))
			.toList();
	}

	private static List<Shipment> shipments(List<Line> lines) {
		Map<String, List<Line>> byArtisan = new LinkedHashMap<>();
		lines.forEach((line) -> byArtisan.computeIfAbsent(line.artisanId(), (k) -> new ArrayList<>()).add(line));
		return byArtisan.entrySet()
			.stream()
			.map((entry) -> new Shipment(entry.getKey(), entry.getValue().stream().map(Line::productId).toList(),
					entry.getValue().getFirst().trackingRef(), entry.getValue().getFirst().shippedAt()))
			.toList();
	}

	/**
	 * One priced line.
	 *
	 * @param productId the product
	 * @param artisanId the artisan profile
	 * @param ownerId the artisan's account
	 * @param title the title when ordered
	 * @param unitPrice the price when ordered
	 * @param quantity units
	 * @param lineTotal price times units
	 * @param shippedAt when the artisan shipped it
	 * @param trackingRef the carrier's reference, if given
	 */
	public record Line(String productId, String artisanId, String ownerId, String title, Money unitPrice, int quantity,
			Money lineTotal, Instant shippedAt, String trackingRef) {

	}

	/**
	 * A step in the order's history.
	 *
	 * @param status the status reached
	 * @param at when
	 * @param reason why, if there is one to tell, in words
	 * @param problems the lines that could not be reserved, when rejected for them, so a
	 * client can tell the buyer in their own language
	 */
	public record Change(OrderStatus status, Instant at, String reason, List<LineProblem> problems) {

		@PersistenceCreator
		public Change {
			problems = (problems != null) ? List.copyOf(problems) : List.of();
		}

		public Change(OrderStatus status, Instant at, String reason) {
			this(status, at, reason, List.of());
		}

	}

	/**
	 * Why one line could not be reserved.
	 *
	 * @param productId the product
	 * @param code {@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT}, {@code ARCHIVED} or
	 * {@code ARTISAN_SUSPENDED}
	 * @param requested units ordered
	 * @param available units in stock when it was tried
	 */
	public record LineProblem(String productId, String code, int requested, int available) {

	}

}
