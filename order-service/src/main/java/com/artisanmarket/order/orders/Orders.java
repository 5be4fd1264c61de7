package com.artisanmarket.order.orders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;
import com.artisanmarket.order.operations.SagaFigures;
import com.artisanmarket.order.pricing.CatalogPricing;
import com.artisanmarket.order.pricing.PriceQuote;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Orders and their state machine. Placement stores the order and its {@code OrderPlaced}
 * in one insert, under a unique (buyer, idempotency key); every transition is one
 * conditional update on the current status and version, which also appends the
 * transition's event to the order's outbox, so a cancel racing a confirmation never loses
 * either.
 */
@Service
public class Orders {

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	/** What a declined order's reason begins with, before the artisan's words. */
	private static final String DECLINED = "declined by the artisan: ";

	private static final int TRANSITION_ATTEMPTS = 10;

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final CatalogPricing pricing;

	private final SagaFigures figures;

	private final PendingWatch pending;

	private final OrderLimits limits;

	private final Clock clock;

	Orders(MongoOperations mongo, Outbox outbox, CatalogPricing pricing, SagaFigures figures, PendingWatch pending,
			OrderLimits limits, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.pricing = pricing;
		this.figures = figures;
		this.pending = pending;
		this.limits = limits;
		this.clock = clock;
		mongo.indexOps(Order.class)
			.createIndex(
					new Index().on("buyerId", Sort.Direction.ASC).on("idempotencyKey", Sort.Direction.ASC).unique());
		mongo.indexOps(Order.class).createIndex(new Index("lineOwners", Sort.Direction.ASC));
		mongo.indexOps(Order.class).createIndex(new Index("status", Sort.Direction.ASC));
	}

	/**
	 * Places an order once per idempotency key: the same key and body return the order
	 * already placed; the same key with another body is refused. A new order that would
	 * take its buyer past a cap of {@link OrderLimits} is refused before it is stored, so
	 * no stock is reserved for it.
	 */
	Order place(NewOrder request, String idempotencyKey, Caller buyer) {
		String hash = hash(request);
		Optional<Order> existing = byKey(buyer.accountId(), idempotencyKey);
		if (existing.isPresent()) {
			return sameRequest(existing.get(), hash);
		}
		Order order = price(request, idempotencyKey, hash, buyer);
		this.limits.hold(order);
		try {
			this.mongo.insert(order);
		}
		catch (DuplicateKeyException ex) {
			this.limits.release(order);
			return sameRequest(byKey(buyer.accountId(), idempotencyKey).orElseThrow(), hash);
		}
		this.outbox.publishSoon(Order.COLLECTION, order.id());
		this.pending.published(order.id(), order.createdAt());
		this.figures.placed();
		logger.info("Order {} placed by {}: {} line(s), {} {}", order.id(), buyer.accountId(), order.lines().size(),
				order.total().amount(), order.total().currency());
		return order;
	}

	private Order price(NewOrder request, String idempotencyKey, String hash, Caller buyer) {
		Set<String> ids = new LinkedHashSet<>();
		request.items().forEach((item) -> ids.add(item.productId()));
		Map<String, PriceQuote> quotes = this.pricing.quotes(ids);
		List<UnprocessableOrderException.LineProblem> problems = new ArrayList<>();
		List<Order.Line> lines = new ArrayList<>();
		for (NewOrder.Item item : request.items()) {
			PriceQuote quote = quotes.get(item.productId());
			if (quote == null) {
				problems.add(new UnprocessableOrderException.LineProblem(item.productId(),
						"unknown or not available for sale"));
				continue;
			}
			lines.add(new Order.Line(quote.productId(), quote.artisanId(), quote.ownerId(), quote.title(),
					quote.price(), item.quantity(), quote.price().times(item.quantity()), null, null));
		}
		Set<String> currencies = new LinkedHashSet<>();
		lines.forEach((line) -> currencies.add(line.unitPrice().currency()));
		if (problems.isEmpty() && currencies.size() > 1) {
			lines.forEach((line) -> problems.add(new UnprocessableOrderException.LineProblem(line.productId(),
					"priced in " + line.unitPrice().currency() + "; one order holds one currency")));
		}
		if (!problems.isEmpty()) {
			throw new UnprocessableOrderException("Some lines cannot be ordered; see lines.", problems);
		}
		String currency = currencies.iterator().next();
		Money total = new Money(
				lines.stream().map((line) -> line.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
				currency);
		String id = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		OrderPlaced placed = new OrderPlaced(id, buyer.accountId(), eventLines(lines), total, now);
		List<String> owners = lines.stream().map(Order.Line::ownerId).distinct().toList();
		return new Order(id, buyer.accountId(), idempotencyKey, hash, OrderStatus.PENDING, lines, total,
				request.shippingAddress(), owners, now, now, List.of(new Order.Change(OrderStatus.PENDING, now, null)),
				1, List.of(this.outbox.entry(placed)));
	}

	private static Order sameRequest(Order order, String hash) {
		if (!order.requestHash().equals(hash)) {
			throw new UnprocessableOrderException(
					"This Idempotency-Key was used for another order; use a new key for a new order.", List.of());
		}
		return order;
	}

	private Optional<Order> byKey(String buyerId, String idempotencyKey) {
		return Optional.ofNullable(this.mongo.findOne(
				new Query(Criteria.where("buyerId").is(buyerId).and("idempotencyKey").is(idempotencyKey)),
				Order.class));
	}

	/**
	 * An order as the caller may see it: its buyer, an artisan with lines in it, or an
	 * admin.
	 */
	Order get(String id, Caller caller) {
		Order order = this.mongo.findById(id, Order.class);
		if (order == null || !mayRead(order, caller)) {
			throw new NotFoundException("order", id);
		}
		return order;
	}

	static boolean mayRead(Order order, Caller caller) {
		return caller.isAdmin() || order.buyerId().equals(caller.accountId())
				|| order.lineOwners().contains(caller.accountId());
	}

	PageView<Order> list(OrderStatus status, PageRequest page, Caller caller) {
		List<Criteria> filters = new ArrayList<>();
		if (!caller.isAdmin()) {
			filters.add(caller.roles().contains("ARTISAN") ? Criteria.where("lineOwners").is(caller.accountId())
					: Criteria.where("buyerId").is(caller.accountId()));
		}
		if (status != null) {
			filters.add(Criteria.where("status").is(status));
		}
		Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
		long total = this.mongo.count(query, Order.class);
		query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(page.offset()).limit(page.size());
		return PageView.of(this.mongo.find(query, Order.class), page, total);
	}

	/** The buyer or an admin cancels, before anything has shipped. */
	Order cancel(String id, Caller caller, String reason) {
		for (int attempt = 0; attempt < TRANSITION_ATTEMPTS; attempt++) {
			Order order = get(id, caller);
			if (!caller.isAdmin() && !order.buyerId().equals(caller.accountId())) {
				throw new NotFoundException("order", id);
			}
			if (!open(order)) {
				throw new ConflictException("An order that is " + order.status() + " cannot be cancelled.");
			}
			Optional<Order> cancelled = callOff(order, caller.accountId(), reason);
			if (cancelled.isPresent()) {
				return cancelled.get();
			}
		}
		throw busy(id);
	}

	/**
	 * An artisan with lines in the order refuses it, with a reason the buyer sees, before
	 * anything has shipped; the whole order is cancelled and its stock released, as when
	 * the buyer cancels. Another artisan, who may not know of the order, is told it does
	 * not exist.
	 */
	Order decline(String id, Caller artisan, String reason) {
		for (int attempt = 0; attempt < TRANSITION_ATTEMPTS; attempt++) {
			Order order = get(id, artisan);
			if (!order.lineOwners().contains(artisan.accountId())) {
				throw new NotFoundException("order", id);
			}
			if (reason == null || reason.isBlank() || reason.length() > 500) {
				throw new FieldValidationException("reason",
						"say why the order is declined, in at most 500 characters; the buyer reads it");
			}
			if (!open(order)) {
				throw new ConflictException("An order that is " + order.status() + " cannot be declined.");
			}
			Optional<Order> declined = callOff(order, artisan.accountId(), DECLINED + reason.strip());
			if (declined.isPresent()) {
				return declined.get();
			}
		}
		throw busy(id);
	}

	/**
	 * A confirmed order that nobody shipped in time is cancelled with the reason, as if
	 * its buyer had cancelled it, so its stock goes back on sale (issue 17). An order
	 * with a line shipped already is left alone: its stock cannot come back.
	 * @param id the order
	 * @param placedBefore only an order placed before this expires
	 * @param reason what buyer and artisans read in its history
	 * @return whether this call expired it
	 */
	boolean expire(String id, Instant placedBefore, String reason) {
		for (int attempt = 0; attempt < TRANSITION_ATTEMPTS; attempt++) {
			Order order = this.mongo.findById(id, Order.class);
			if (order == null || order.status() != OrderStatus.CONFIRMED || !open(order)
					|| !order.createdAt().isBefore(placedBefore)) {
				return false;
			}
			if (callOff(order, null, reason).isPresent()) {
				return true;
			}
		}
		logger.warn("Order {} changed {} times while it was being expired; the next sweep tries again", id,
				TRANSITION_ATTEMPTS);
		return false;
	}

	/** Whether the order may still be called off: not final, and nothing shipped. */
	private static boolean open(Order order) {
		return Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED).contains(order.status())
				&& order.lines().stream().allMatch((line) -> line.shippedAt() == null);
	}

	/**
	 * Cancels the order; its {@code OrderCancelled} releases the stock in the catalogue.
	 * @param by the account that called it off, none for the marketplace itself
	 */
	private Optional<Order> callOff(Order order, String by, String reason) {
		OrderCancelled cancelled = new OrderCancelled(order.id(), order.buyerId(), eventLines(order.lines()),
				order.total(), order.status() == OrderStatus.CONFIRMED, by, reason, order.createdAt(),
				this.clock.instant());
		return transition(order, OrderStatus.CANCELLED, reason, new Update(), cancelled);
	}

	private static ConflictException busy(String id) {
		return new ConflictException("Order " + id + " is changing right now; try again.");
	}

	/** An artisan ships their own lines; the order is SHIPPED once every artisan has. */
	Order ship(String id, Caller artisan, String trackingRef) {
		Order order = get(id, artisan);
		if (!order.lineOwners().contains(artisan.accountId())) {
			throw new NotFoundException("order", id);
		}
		if (order.status() != OrderStatus.CONFIRMED) {
			throw new ConflictException("Only a confirmed order can be shipped; this one is " + order.status() + ".");
		}
		Instant now = this.clock.instant();
		List<Order.Line> lines = order.lines()
			.stream()
			.map((line) -> (line.ownerId().equals(artisan.accountId()) && line.shippedAt() == null)
					? new Order.Line(line.productId(), line.artisanId(), line.ownerId(), line.title(), line.unitPrice(),
							line.quantity(), line.lineTotal(), now, trackingRef)
					: line)
			.toList();
		boolean allShipped = lines.stream().allMatch((line) -> line.shippedAt() != null);
		Update update = new Update().set("lines", lines);
		Optional<Order> changed;
		if (allShipped) {
			OrderShipped shipped = new OrderShipped(id, order.buyerId(), shipments(lines), now);
			changed = transition(order, OrderStatus.SHIPPED, null, update, shipped);
		}
		else {
			changed = update(order, update);
		}
		return changed.orElseGet(() -> ship(id, artisan, trackingRef));
	}

	/** The buyer (or an admin) confirms the order arrived. */
	Order deliver(String id, Caller caller) {
		Order order = get(id, caller);
		if (!caller.isAdmin() && !order.buyerId().equals(caller.accountId())) {
			throw new NotFoundException("order", id);
		}
		if (order.status() != OrderStatus.SHIPPED) {
			throw new ConflictException("Only a shipped order can be delivered; this one is " + order.status() + ".");
		}
		OrderDelivered delivered = new OrderDelivered(id, order.buyerId(), eventLines(order.lines()), order.total(),
				this.clock.instant());
		return transition(order, OrderStatus.DELIVERED, null, new Update(), delivered)
			.orElseGet(() -> deliver(id, caller));
	}

	/**
	 * An order as stored.
	 * @param id the order
	 * @return the order, empty if there is none with that id
	 */
	public Optional<Order> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Order.class));
	}

	/**
	 * The catalogue reserved the stock: PENDING becomes CONFIRMED (nothing else does).
	 */
	public void confirm(String id) {
		Order order = this.mongo.findById(id, Order.class);
		if (order == null || order.status() != OrderStatus.PENDING) {
			return;
		}
		OrderConfirmed confirmed = new OrderConfirmed(id, order.buyerId(), eventLines(order.lines()), order.total(),
				order.createdAt(), this.clock.instant());
		if (transition(order, OrderStatus.CONFIRMED, null, new Update(), confirmed).isEmpty()) {
			confirm(id);
			return;
		}
		this.figures.settled(order, OrderStatus.CONFIRMED, confirmed.confirmedAt());
	}

	/**
	 * The order cannot be fulfilled: PENDING becomes REJECTED with the reason.
	 * @param id the order
	 * @param reason why, in words
	 * @param problems the lines that could not be reserved, if that is why
	 */
	public void reject(String id, String reason, List<Order.LineProblem> problems) {
		Order order = this.mongo.findById(id, Order.class);
		if (order == null || order.status() != OrderStatus.PENDING) {
			return;
		}
		OrderRejected rejected = new OrderRejected(id, order.buyerId(), reason, this.clock.instant());
		Order.Change change = new Order.Change(OrderStatus.REJECTED, this.clock.instant(), reason, problems);
		if (transition(order, change, new Update(), rejected).isEmpty()) {
			reject(id, reason, problems);
			return;
		}
		this.figures.settled(order, OrderStatus.REJECTED, change.at());
	}

	/**
	 * Publishes an order's {@code OrderPlaced} again (a pending order that got no
	 * answer).
	 */
	public void republish(Order order) {
		OrderPlaced placed = new OrderPlaced(order.id(), order.buyerId(), eventLines(order.lines()), order.total(),
				order.createdAt());
		update(order, new Update().push(Outbox.FIELD, this.outbox.entry(placed)))
			.ifPresent((republished) -> this.pending.published(republished.id(), republished.updatedAt()));
	}

	/**
	 * @return the changed order, or empty when someone else changed it first (the caller
	 * reads it again and decides anew)
	 */
	private Optional<Order> transition(Order order, OrderStatus to, String reason, Update update, OrderEvent event) {
		return transition(order, new Order.Change(to, this.clock.instant(), reason), update, event);
	}

	private Optional<Order> transition(Order order, Order.Change change, Update update, OrderEvent event) {
		OrderStatus to = change.status();
		String reason = change.reason();
		update.set("status", to).push("statusHistory", change);
		update.push(Outbox.FIELD, this.outbox.entry(event));
		Optional<Order> changed = update(order, update);
		changed.ifPresent((o) -> {
			this.pending.settled(o.id());
			logger.info("Order {} is now {}{}", o.id(), to, (reason != null) ? " (" + reason + ")" : "");
		});
		return changed;
	}

	private Optional<Order> update(Order order, Update update) {
		update.set("updatedAt", this.clock.instant()).inc("version", 1);
		Order changed = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(order.id()).and("version").is(order.version())), update,
				FindAndModifyOptions.options().returnNew(true), Order.class);
		if (changed != null) {
			this.outbox.publishSoon(Order.COLLECTION, order.id());
		}
		return Optional.ofNullable(changed);
	}

	private static List<OrderLine> eventLines(List<Order.Line> lines) {
		return lines.stream()
			.map((line) -> new OrderLine(line.productId(), line.artisanId(), line.ownerId(), line.title(),
					line.unitPrice(), line.quantity(), line.lineTotal()))
			.toList();
	}

	private static List<Shipment> shipments(List<Order.Line> lines) {
		Map<String, List<Order.Line>> byArtisan = new java.util.LinkedHashMap<>();
		lines.forEach((line) -> byArtisan.computeIfAbsent(line.artisanId(), (k) -> new ArrayList<>()).add(line));
		return byArtisan.entrySet()
			.stream()
			.map((entry) -> new Shipment(entry.getKey(), entry.getValue().stream().map(Order.Line::productId).toList(),
					entry.getValue().getFirst().trackingRef(), entry.getValue().getFirst().shippedAt()))
			.toList();
	}

	private static String hash(NewOrder request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
