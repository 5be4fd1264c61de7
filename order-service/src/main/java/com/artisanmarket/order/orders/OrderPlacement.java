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
import com.artisanmarket.order.operations.SagaFigures;
import com.artisanmarket.order.pricing.CatalogPricing;
import com.artisanmarket.order.pricing.PriceQuote;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Places orders: prices the lines at the catalogue, and stores the order with its
 * {@code OrderPlaced} in one insert, under a unique (buyer, idempotency key).
 */
@Service
class OrderPlacement {

	private static final Logger logger = LoggerFactory.getLogger(OrderPlacement.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final CatalogPricing pricing;

	private final SagaFigures figures;

	private final PendingWatch pending;

	private final OrderLimits limits;

	private final Clock clock;

	OrderPlacement(MongoOperations mongo, Outbox outbox, CatalogPricing pricing, SagaFigures figures,
			PendingWatch pending, OrderLimits limits, Clock clock) {
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
		Instant now = this.clock.instant();
		List<String> owners = lines.stream().map(Order.Line::ownerId).distinct().toList();
		Order order = new Order(UUID.randomUUID().toString(), buyer.accountId(), idempotencyKey, hash,
				OrderStatus.PENDING, lines, total, request.shippingAddress(), owners, now, now,
				List.of(new Order.Change(OrderStatus.PENDING, now, null)), 1, List.of());
		return order.withOutbox(List.of(this.outbox.entry(order.placed())));
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
