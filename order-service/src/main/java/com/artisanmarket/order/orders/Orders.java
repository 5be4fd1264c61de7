package com.artisanmarket.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.artisanmarket.order.operations.SagaFigures;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Stored orders and their steps: each step is read → decided by {@link Order} → one
 * update conditional on the version it was decided on, which also appends the step's
 * event to the order's outbox, so a cancel racing a confirmation never loses either. A
 * lost race is read and decided again, a bounded number of times.
 */
@Service
public class Orders {

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	private static final int ATTEMPTS = 10;

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final SagaFigures figures;

	private final PendingWatch pending;

	private final Clock clock;

	Orders(MongoOperations mongo, Outbox outbox, SagaFigures figures, PendingWatch pending, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.figures = figures;
		this.pending = pending;
		this.clock = clock;
	}

	/** An order as the caller may see it ({@link Order#visibleTo}); 404 otherwise. */
	Order get(String id, Caller caller) {
		return visible(find(id), id, caller);
	}

	private static Order visible(Optional<Order> order, String id, Caller caller) {
		return order.filter((o) -> o.visibleTo(caller)).orElseThrow(() -> new NotFoundException("order", id));
	}

	/**
	 * A step a caller takes ({@link Order#cancel}, {@link Order#decline},
	 * {@link Order#ship}, {@link Order#deliver}); 404 when the caller may not see the
	 * order, as the step decides otherwise.
	 */
	Order take(String id, Caller caller, BiFunction<Order, Instant, OrderTransition> step) {
		return take(id, (order) -> Optional.of(step.apply(visible(order, id, caller), now()))).orElseThrow();
	}

	/**
	 * A step the marketplace takes on its own (the saga's answers, the expiry sweep).
	 * @return the order after it, empty when there is no such order or no step to take
	 */
	public Optional<Order> settle(String id, BiFunction<Order, Instant, Optional<OrderTransition>> step) {
		return take(id, (order) -> order.flatMap((o) -> step.apply(o, now())));
	}

	/** The catalogue reserved the stock. */
	public void confirm(String id) {
		settle(id, (order, now) -> order.confirm(now)).ifPresent(
				(order) -> this.figures.settled(order, OrderStatus.CONFIRMED, order.statusHistory().getLast().at()));
	}

	/**
	 * The catalogue could not reserve the stock, for the reason and line problems given.
	 */
	public void reject(String id, String reason, List<Order.LineProblem> problems) {
		settle(id, (order, now) -> order.reject(reason, problems, now)).ifPresent(
				(order) -> this.figures.settled(order, OrderStatus.REJECTED, order.statusHistory().getLast().at()));
	}

	/** Publishes a pending order's {@code OrderPlaced} again: it got no answer. */
	public void republish(Order order) {
		write(order, new Update().push(Outbox.FIELD, this.outbox.entry(order.placed())))
			.ifPresent((republished) -> this.pending.published(republished.id(), republished.updatedAt()));
	}

	/** An order as stored, empty if there is none with that id. */
	public Optional<Order> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Order.class));
	}

	/**
	 * Reads the order, decides the step on it and writes it, again while someone else
	 * changed it in between.
	 * @return the order after the step, empty when the step decided there is none
	 */
	private Optional<Order> take(String id, Function<Optional<Order>, Optional<OrderTransition>> step) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<Order> order = find(id);
			Optional<OrderTransition> transition = step.apply(order);
			if (transition.isEmpty()) {
				return Optional.empty();
			}
			Optional<Order> changed = write(order.orElseThrow(), transition.get().update(this.outbox));
			Order.Change change = transition.get().change();
			if (changed.isPresent()) {
				if (change != null) {
					this.pending.settled(id);
					logger.info("Order {} is now {}{}", id, change.status(),
							(change.reason() != null) ? " (" + change.reason() + ")" : "");
				}
				return changed;
			}
		}
		throw new ConflictException("Order " + id + " is changing right now; try again.");
	}

	private Optional<Order> write(Order order, Update update) {
		update.set("updatedAt", now()).inc("version", 1);
		Order changed = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(order.id()).and("version").is(order.version())), update,
				FindAndModifyOptions.options().returnNew(true), Order.class);
		if (changed != null) {
			this.outbox.publishSoon(Order.COLLECTION, order.id());
		}
		return Optional.ofNullable(changed);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
