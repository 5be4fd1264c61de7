package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Slows down password guessing and mass sign-ups (issue 17).
 * <p>
 * Every sign-in attempt is counted <em>before</em> its password is checked, in one atomic
 * step per key, so a parallel burst gets no more bcrypt checks than the free attempts. It
 * is counted against three keys: the email from this client address (strict), the email
 * from anywhere (softer: its delay stays short, so a stranger's guesses can slow the
 * owner down by seconds but never lock them out), and the client address over all emails
 * (a guesser trying many emails). Past a key's free attempts each further attempt must
 * wait twice as long as the one before, up to a cap; waiting is answered 429 with
 * {@code Retry-After}. A successful sign-in forgets its email's attempts and gives its
 * address back the attempt it used, so an office behind one address that signs in
 * correctly is never slowed.
 * <p>
 * The counts are kept in MongoDB (the accounts' database), so every gateway instance
 * counts against the same keys and a restart forgives nothing. Each key is one document
 * whose {@code _id} is the key. While a key is below its last free attempt (no time to
 * wait is set), a step is one {@code findAndModify} of that document that MongoDB does
 * alone: {@code $inc} of the count if it is still below the limit, not expired and not
 * moved. Parallel steps on one key (sign-ins for many emails from one address, an office
 * behind one address) are so counted one after the other without any retry. Every other
 * step (a key's first document in a period, an expired one, a key at or past its last
 * free attempt, where each attempt let through sets when the next may come) reads the
 * document by {@code _id} and writes it back only if its {@code version} is still the one
 * read ({@code {_id, version}} filter, which the atomic steps count up too); a write that
 * loses goes back to the atomic step, which the winner has usually made possible, and
 * past the limit the losers find the wait the winner set and write nothing. Neither
 * server needs a transaction, and the embedded server answers an {@code _id}-pinned
 * filter from the {@code _id} index, never by a scan. A key that stays contended for
 * {@value #WRITES} tries in a row is answered as if it had to wait {@code firstDelay}:
 * the safe side, never an uncounted password check.
 * <p>
 * Every document carries {@code expiresAt}, a window after the key's last counted attempt
 * (for sign-ups, the end of the address's window), and a document past it is treated as
 * absent, so correctness never depends on anything deleting it. Storage is bounded
 * without a scan: documents live in one collection per period as long as the window (for
 * sign-ups, their window) ({@code throttle_attempts_<n>},
 * {@code throttle_registrations_<n>}, {@code n} counted from the epoch), a key's document
 * is carried into the current period's collection when it is next written (the old one is
 * marked {@code moved} first, so nobody writes it again), and a collection is dropped
 * when it is two periods old, when every document in it has expired. Real MongoDB also
 * gets a TTL index on {@code expiresAt}, which removes expired documents sooner; the
 * embedded server ignores non-unique indexes and relies on the drops. So at most two
 * periods' keys are stored, and no more than {@code maxTracked} in one period's
 * collection: a new key seen when that many are stored is not recorded (its attempt is
 * let through uncounted, as an evicted key used to be forgotten) until the next period
 * starts. Dropping assumes the instances' clocks agree to well within a window.
 * <p>
 * The store is the accounts' own database: when it cannot be reached, no account could be
 * read either, so a sign-in or sign-up then fails with the store's error rather than
 * going unthrottled.
 */
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	/** How often one step of one key is tried before it is given up as contended. */
	static final int WRITES = 20;

	static final String PREFIX = "throttle_";

	private final IdentityProperties.Throttle limits;

	private final Clock clock;

	private final ReactiveMongoOperations mongo;

	private final Store attempts;

	private final Store registrations;

	LoginThrottle(ReactiveMongoOperations mongo, IdentityProperties.Throttle limits, Clock clock) {
		this.mongo = mongo;
		this.limits = limits;
		this.clock = clock;
		this.attempts = new Store(PREFIX + "attempts_", limits.window());
		this.registrations = new Store(PREFIX + "registrations_", limits.registrationWindow());
	}

	/**
	 * Makes the current period's collections and their TTL indexes, and drops old ones;
	 * run at start so a real MongoDB expires documents from the first attempt.
	 */
	Mono<Void> prepare() {
		return Mono.defer(() -> {
			Instant now = now();
			return this.attempts.turn(now).then(this.registrations.turn(now));
		});
	}

	/**
	 * Counts one sign-in attempt, unless the caller must wait first.
	 * @param email the normalised email
	 * @param address the client's address
	 * @return how long to wait, or empty when the password may be checked now
	 */
	Mono<Optional<Duration>> attempt(String email, String address) {
		return Mono.defer(() -> attempt(email, address, now()));
	}

	private Mono<Optional<Duration>> attempt(String email, String address, Instant now) {
		return admit("pair:" + email + " " + address, this.limits.perAccountAndAddress(), this.limits.longestDelay(),
				now)
			.flatMap((wait) -> wait.isPresent() ? Mono.just(wait)
					: admit("account:" + email, this.limits.perAccount(), this.limits.longestAccountDelay(), now))
			.flatMap((wait) -> wait.isPresent() ? Mono.just(wait)
					: admit("address:" + address, this.limits.perAddress(), this.limits.longestDelay(), now));
	}

	/**
	 * The password was right: its email's attempts are forgotten, its address's refunded.
	 */
	Mono<Void> succeeded(String email, String address) {
		return Mono.defer(() -> succeeded(email, address, now()));
	}

	private Mono<Void> succeeded(String email, String address, Instant now) {
		return this.attempts
			.change("pair:" + email + " " + address, now, forgetting(now), (counted) -> forgotten(counted, now))
			.then(this.attempts.change("account:" + email, now, forgetting(now), (counted) -> forgotten(counted, now)))
			.then(this.attempts.change("address:" + address, now, refunding(now), (counted) -> refunded(counted, now)))
			.then();
	}

	/**
	 * Counts one registration from this address, unless it has had its share of the
	 * window.
	 * @param address the client's address
	 * @return how long to wait, or empty when the registration may go ahead
	 */
	Mono<Optional<Duration>> registration(String address) {
		return Mono.defer(() -> registration(address, now()));
	}

	private Mono<Optional<Duration>> registration(String address, Instant now) {
		Duration window = this.limits.registrationWindow();
		Quick<Optional<Duration>> counting = new Quick<>(
				Criteria.where(Store.COUNT).lt(this.limits.registrationsPerAddress()), new Update().inc(Store.COUNT, 1),
				Optional.empty());
		return this.registrations.change(address, now, counting, (counted) -> {
			Counter current = (counted != null) ? counted : new Counter(0, now);
			if (current.count() >= this.limits.registrationsPerAddress()) {
				return Outcome.unchanged(Optional.of(Duration.between(now, current.at().plus(window))));
			}
			return new Outcome<>(new Counter(current.count() + 1, current.at()), current.at().plus(window),
					Optional.<Duration>empty());
		}).defaultIfEmpty(Optional.of(this.limits.firstDelay()));
	}

	/** How many keys are stored now, in every period kept (bounded by the settings). */
	Mono<Long> trackedKeys() {
		return this.mongo.getCollectionNames()
			.filter((name) -> name.startsWith(PREFIX))
			.flatMap(this.mongo::estimatedCount)
			.reduce(0L, Long::sum);
	}

	private Mono<Optional<Duration>> admit(String key, int free, Duration longest, Instant now) {
		// Below its last free attempt a key is counted by one atomic increment: there is
		// no time to set, so parallel attempts need not be read and written in turn.
		Quick<Optional<Duration>> counting = new Quick<>(
				Criteria.where(Store.COUNT).lt(free - 1).and(Store.AT).exists(false),
				new Update().inc(Store.COUNT, 1).max(Store.EXPIRES_AT, Date.from(now.plus(this.limits.window()))),
				Optional.empty());
		return this.attempts.change(key, now, counting, (counted) -> {
			Counter current = (counted != null) ? counted : new Counter(0, Instant.MIN);
			if (now.isBefore(current.at())) {
				return Outcome.unchanged(Optional.of(Duration.between(now, current.at())));
			}
			int count = current.count() + 1;
			Duration delay = delayAfter(count, free, longest);
			// A free attempt sets no time: one that read the clock a moment earlier on
			// another thread or instance must not be made to wait for it.
			return new Outcome<>(new Counter(count, delay.isZero() ? Instant.MIN : now.plus(delay)),
					now.plus(this.limits.window()), Optional.<Duration>empty());
		}).defaultIfEmpty(Optional.of(this.limits.firstDelay()));
	}

	private Quick<Boolean> forgetting(Instant now) {
		return new Quick<>(Criteria.where(Store.COUNT).gt(0),
				new Update().set(Store.COUNT, 0)
					.unset(Store.AT)
					.max(Store.EXPIRES_AT, Date.from(now.plus(this.limits.window()))),
				true);
	}

	/** Below the address's limit (so no time is set) a refund is one atomic decrement. */
	private Quick<Boolean> refunding(Instant now) {
		return new Quick<>(Criteria.where(Store.COUNT).gt(0).lt(this.limits.perAddress()).and(Store.AT).exists(false),
				new Update().inc(Store.COUNT, -1).max(Store.EXPIRES_AT, Date.from(now.plus(this.limits.window()))),
				true);
	}

	/**
	 * Forgetting writes an empty count, kept as long as any other, rather than deleting:
	 * without it the key's older document in the previous period would count again. (A
	 * key's document never expires before its older one, so the TTL index cannot bring
	 * that one back either.)
	 */
	private Outcome<Boolean> forgotten(Counter counted, Instant now) {
		if (counted == null || counted.count() == 0) {
			return Outcome.unchanged(true);
		}
		return new Outcome<>(new Counter(0, Instant.MIN), now.plus(this.limits.window()), true);
	}

	private Outcome<Boolean> refunded(Counter counted, Instant now) {
		if (counted == null || counted.count() == 0) {
			return Outcome.unchanged(true);
		}
		if (counted.count() <= 1) {
			return forgotten(counted, now);
		}
		int left = counted.count() - 1;
		return new Outcome<>(new Counter(left, (left < this.limits.perAddress()) ? Instant.MIN : counted.at()),
				now.plus(this.limits.window()), true);
	}

	private Duration delayAfter(int count, int free, Duration longest) {
		if (count < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - free, 30);
		Duration delay = this.limits.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(longest) > 0) ? longest : delay;
	}

	/** Milliseconds, as MongoDB keeps dates, so what is stored is what was computed. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A key's count.
	 *
	 * @param count attempts (or sign-ups) counted
	 * @param at for attempts when the next one may be made ({@link Instant#MIN}: now),
	 * for sign-ups when the address's window began
	 */
	record Counter(int count, Instant at) {

	}

	/**
	 * What one step decided.
	 *
	 * @param next the count to store, or {@code null} to store nothing
	 * @param expiresAt when the stored count is to be forgotten
	 * @param result the answer of the step
	 */
	record Outcome<R>(Counter next, Instant expiresAt, R result) {

		static <R> Outcome<R> unchanged(R result) {
			return new Outcome<>(null, null, result);
		}

	}

	/**
	 * A step done by MongoDB alone, in one {@code findAndModify} of the key's live
	 * document in the current period, when it matches {@code condition}.
	 *
	 * @param condition what the document must hold besides its key
	 * @param update the change ({@code version} is counted up too)
	 * @param result the answer of the step when it was done
	 */
	record Quick<R>(Criteria condition, Update update, R result) {

	}

	/** The counts of one kind, in one collection per period. */
	private final class Store {

		private static final String ID = "_id";

		private static final String VERSION = "version";

		static final String COUNT = "count";

		static final String AT = "at";

		static final String EXPIRES_AT = "expiresAt";

		private static final String MOVED = "moved";

		private final String prefix;

		private final long periodMillis;

		/** The newest period this instance has prepared (indexed, old ones dropped). */
		private final AtomicLong turned = new AtomicLong(Long.MIN_VALUE);

		/** The last period found full, so that is logged once, not for every key. */
		private final AtomicLong full = new AtomicLong(Long.MIN_VALUE);

		Store(String prefix, Duration period) {
			this.prefix = prefix;
			this.periodMillis = Math.max(1, period.toMillis());
		}

		/**
		 * Applies one step to a key atomically: the quick step when the key's document
		 * matches it, else the step read, computed and written back.
		 * @return the step's result, or empty when the key stayed contended
		 */
		<R> Mono<R> change(String key, Instant now, Quick<R> quick, Function<Counter, Outcome<R>> step) {
			long period = period(now);
			return turn(now).then(Mono.defer(() -> change(key, now, period, quick, step, 0)));
		}

		private <R> Mono<R> change(String key, Instant now, long period, Quick<R> quick,
				Function<Counter, Outcome<R>> step, int tries) {
			if (tries >= WRITES) {
				logger.warn("A throttle key stayed contended for {} tries; answered as throttled", WRITES);
				return Mono.empty();
			}
			String collection = name(period);
			Query live = new Query(Criteria.where(ID)
				.is(key)
				.and(MOVED)
				.ne(true)
				.and(EXPIRES_AT)
				.gt(Date.from(now))
				.andOperator(quick.condition()));
			return LoginThrottle.this.mongo
				.findAndModify(live, quick.update().inc(VERSION, 1), FindAndModifyOptions.options().returnNew(true),
						Document.class, collection)
				.map((done) -> quick.result())
				.switchIfEmpty(Mono.defer(() -> written(key, now, period, quick, step, tries)));
		}

		/**
		 * The step read, computed and written back if the document is still the one read;
		 * a write that lost goes back to the quick step, which the winner has usually
		 * made possible (a new key inserted, a key carried forward).
		 */
		private <R> Mono<R> written(String key, Instant now, long period, Quick<R> quick,
				Function<Counter, Outcome<R>> step, int tries) {
			String collection = name(period);
			Mono<R> again = Mono.defer(() -> change(key, now, period, quick, step, tries + 1));
			return find(collection, key).flatMap((found) -> {
				if (found.isPresent() && isMoved(found.get())) {
					// Another instance is already in the next period.
					return change(key, now, period + 1, quick, step, tries + 1);
				}
				if (found.isPresent()) {
					Outcome<R> outcome = step.apply(live(found.get(), now));
					if (outcome.next() == null) {
						return Mono.just(outcome.result());
					}
					return update(collection, key, version(found.get()), outcome)
						.flatMap((written) -> written ? Mono.just(outcome.result()) : again);
				}
				String previousCollection = name(period - 1);
				return find(previousCollection, key).flatMap((previous) -> {
					Counter carried = previous.map((document) -> live(document, now)).orElse(null);
					Outcome<R> outcome = step.apply(carried);
					if (outcome.next() == null) {
						return Mono.just(outcome.result());
					}
					Mono<Boolean> frozen = (previous.isPresent() && !isMoved(previous.get()))
							? moved(previousCollection, key, version(previous.get())) : Mono.just(true);
					return frozen
						.flatMap((ok) -> ok ? insert(collection, key, outcome, carried == null) : Mono.just(false))
						.flatMap((written) -> written ? Mono.just(outcome.result()) : again);
				});
			});
		}

		/**
		 * The first step of this instance in a new period makes sure the period's
		 * collection has its TTL index and drops the collections two periods old (and any
		 * older, left by a gateway that was down); listing collections scans no
		 * documents. Failures are logged: the next period tries again.
		 */
		Mono<Void> turn(Instant now) {
			long period = period(now);
			long last = this.turned.get();
			if (period <= last || !this.turned.compareAndSet(last, period)) {
				return Mono.empty();
			}
			Mono<Void> indexed = LoginThrottle.this.mongo.indexOps(name(period))
				.createIndex(new Index(EXPIRES_AT, Sort.Direction.ASC).expire(Duration.ZERO))
				.then()
				.onErrorResume((ex) -> {
					logger.warn("Could not make the TTL index of {}", name(period), ex);
					return Mono.empty();
				});
			Mono<Void> dropped = LoginThrottle.this.mongo.getCollectionNames()
				.filter((name) -> periodOf(name) <= period - 2)
				.flatMap(LoginThrottle.this.mongo::dropCollection)
				.then()
				.onErrorResume((ex) -> {
					logger.warn("Could not drop the throttle's collections of past periods", ex);
					return Mono.empty();
				});
			return indexed.then(dropped);
		}

		private Mono<Optional<Document>> find(String collection, String key) {
			return LoginThrottle.this.mongo.findById(key, Document.class, collection)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty());
		}

		private Mono<Boolean> update(String collection, String key, long version, Outcome<?> outcome) {
			Update update = new Update().set(COUNT, outcome.next().count())
				.set(EXPIRES_AT, Date.from(outcome.expiresAt()))
				.inc(VERSION, 1);
			if (outcome.next().at().equals(Instant.MIN)) {
				update.unset(AT);
			}
			else {
				update.set(AT, Date.from(outcome.next().at()));
			}
			return LoginThrottle.this.mongo.updateFirst(pinned(key, version), update, collection)
				.map((result) -> result.getMatchedCount() == 1);
		}

		/**
		 * Marks a previous period's document as carried forward: nobody writes it again.
		 */
		private Mono<Boolean> moved(String collection, String key, long version) {
			return LoginThrottle.this.mongo
				.updateFirst(pinned(key, version), new Update().set(MOVED, true).inc(VERSION, 1), collection)
				.map((result) -> result.getMatchedCount() == 1);
		}

		private Mono<Boolean> insert(String collection, String key, Outcome<?> outcome, boolean newKey) {
			Document document = new Document(ID, key).append(VERSION, 1L)
				.append(COUNT, outcome.next().count())
				.append(EXPIRES_AT, Date.from(outcome.expiresAt()));
			if (!outcome.next().at().equals(Instant.MIN)) {
				document.append(AT, Date.from(outcome.next().at()));
			}
			Mono<Boolean> room = newKey ? LoginThrottle.this.mongo.estimatedCount(collection)
				.map((stored) -> stored < LoginThrottle.this.limits.maxTracked()) : Mono.just(true);
			return room.flatMap((fits) -> {
				if (!fits) {
					if (this.full.getAndSet(periodOf(collection)) != periodOf(collection)) {
						logger.warn("The throttle holds {} keys in {}; new keys are not recorded until the next period",
								LoginThrottle.this.limits.maxTracked(), collection);
					}
					return Mono.just(true);
				}
				return LoginThrottle.this.mongo.insert(document, collection)
					.thenReturn(true)
					.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
			});
		}

		private static Query pinned(String key, long version) {
			return new Query(Criteria.where(ID).is(key).and(VERSION).is(version));
		}

		/** The count a document holds, or {@code null} when it has expired. */
		private static Counter live(Document document, Instant now) {
			Date expiresAt = document.getDate(EXPIRES_AT);
			if (expiresAt == null || !now.isBefore(expiresAt.toInstant())) {
				return null;
			}
			Date at = document.getDate(AT);
			return new Counter(((Number) document.get(COUNT)).intValue(), (at != null) ? at.toInstant() : Instant.MIN);
		}

		private static long version(Document document) {
			return ((Number) document.get(VERSION)).longValue();
		}

		private static boolean isMoved(Document document) {
			return Boolean.TRUE.equals(document.get(MOVED));
		}

		private long period(Instant now) {
			return Math.floorDiv(now.toEpochMilli(), this.periodMillis);
		}

		private String name(long period) {
			return this.prefix + period;
		}

		/** The period of one of this store's collections, or {@code Long.MAX_VALUE}. */
		private long periodOf(String collection) {
			if (!collection.startsWith(this.prefix)) {
				return Long.MAX_VALUE;
			}
			try {
				return Long.parseLong(collection.substring(this.prefix.length()));
			}
			catch (NumberFormatException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

}
