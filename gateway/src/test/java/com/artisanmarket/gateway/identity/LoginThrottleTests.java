package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.artisanmarket.testsupport.TestInfrastructure;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle against a MongoDB wire server (a container when Docker answers, the
 * embedded server otherwise), each test in a database of its own.
 */
class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	/**
	 * 3 free attempts per email and address, 10 per email, 20 per address; then 1 s, 2 s,
	 * 4 s… up to 60 s (30 s for an email from anywhere); forgotten after 15 minutes; at
	 * most 1,000 keys a period.
	 */
	private final IdentityProperties.Throttle limits = new IdentityProperties.Throttle(3, 10, 20, Duration.ofSeconds(1),
			Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000, 20, Duration.ofHours(1));

	private final String database = "throttle-" + UUID.randomUUID();

	private final List<MongoClient> clients = new ArrayList<>();

	private final ReactiveMongoTemplate mongo = template();

	private final LoginThrottle throttle = new LoginThrottle(this.mongo, this.limits, this.clock);

	@AfterEach
	void dropDatabase() {
		this.mongo.getMongoDatabase().flatMap((database) -> Mono.from(database.drop())).block();
		this.clients.forEach(MongoClient::close);
	}

	/** A gateway instance's own connection to the shared database. */
	private ReactiveMongoTemplate template() {
		MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri());
		this.clients.add(client);
		return new ReactiveMongoTemplate(client, this.database);
	}

	@Test
	void letsOnlyTheFreeAttemptsOfAParallelBurstReachThePasswordCheck() {
		long admitted = Flux.range(0, 80)
			.flatMap((i) -> this.throttle.attempt("admin@example.com", "10.0.0.66"), 80)
			.filter(Optional::isEmpty)
			.count()
			.block();

		assertThat(admitted).isEqualTo(3);
	}

	/**
	 * Two gateway instances, each with its own connection, share the counts: a burst
	 * spread over both still gets only the free attempts (per-instance counts let each
	 * instance allow its own).
	 */
	@Test
	void twoInstancesTogetherLetOnlyTheFreeAttemptsOfAParallelBurstThrough() {
		LoginThrottle other = new LoginThrottle(template(), this.limits, this.clock);
		LoginThrottle[] instances = { this.throttle, other };

		long admitted = Flux.range(0, 80)
			.flatMap((i) -> instances[i % 2].attempt("admin@example.com", "10.0.0.66"), 80)
			.filter(Optional::isEmpty)
			.count()
			.block();

		assertThat(admitted).isEqualTo(3);
		assertThat(other.attempt("admin@example.com", "10.0.0.66").block()).isPresent();
	}

	/**
	 * Sign-ins for many emails at once from one address (an office behind one NAT
	 * address, the bench, the demo loader) all write that address's key: while its limit
	 * is far off, none may be refused for contention alone, and each is counted once.
	 */
	@Test
	void admitsAParallelBurstForManyEmailsFromOneAddressBelowItsLimit() {
		LoginThrottle throttle = new LoginThrottle(this.mongo, roomyLimits(), this.clock);
		int burst = 100;

		long refused = Flux.range(0, burst)
			.flatMap((i) -> throttle.attempt("user" + i + "@example.com", "10.0.0.30"), burst)
			.filter(Optional::isPresent)
			.count()
			.block();

		assertThat(refused).isZero();
		assertThat(storedCount("throttle_attempts_", Duration.ofMinutes(15), "address:10.0.0.30")).isEqualTo(burst);
	}

	/**
	 * The same burst spread over two gateway instances, with every sign-in succeeding:
	 * the refunds to the address are not lost to contention either.
	 */
	@Test
	void twoInstancesAdmitAndRefundAParallelBurstFromOneAddress() {
		IdentityProperties.Throttle roomy = roomyLimits();
		LoginThrottle[] instances = { new LoginThrottle(this.mongo, roomy, this.clock),
				new LoginThrottle(template(), roomy, this.clock) };
		int burst = 100;

		long refused = Flux.range(0, burst)
			.flatMap((i) -> instances[i % 2].attempt("user" + i + "@example.com", "10.0.0.31")
				.flatMap((wait) -> wait.isPresent() ? Mono.just(wait)
						: instances[(i + 1) % 2].succeeded("user" + i + "@example.com", "10.0.0.31").thenReturn(wait)),
					burst)
			.filter(Optional::isPresent)
			.count()
			.block();

		assertThat(refused).isZero();
		assertThat(storedCount("throttle_attempts_", Duration.ofMinutes(15), "address:10.0.0.31")).isZero();
	}

	@Test
	void admitsAParallelBurstOfSignUpsFromOneAddressBelowItsLimit() {
		LoginThrottle throttle = new LoginThrottle(this.mongo, roomyLimits(), this.clock);
		int burst = 100;

		long refused = Flux.range(0, burst)
			.flatMap((i) -> throttle.registration("10.0.0.32"), burst)
			.filter(Optional::isPresent)
			.count()
			.block();

		assertThat(refused).isZero();
		assertThat(storedCount("throttle_registrations_", Duration.ofHours(1), "10.0.0.32")).isEqualTo(burst);
	}

	/**
	 * The first write of a key in a new period carries its count forward: a burst then,
	 * spread over two instances, is admitted all the same and adds to the carried count.
	 */
	@Test
	void admitsAParallelBurstFromOneAddressAtTheTurnOfAPeriod() {
		IdentityProperties.Throttle roomy = roomyLimits();
		LoginThrottle[] instances = { new LoginThrottle(this.mongo, roomy, this.clock),
				new LoginThrottle(template(), roomy, this.clock) };
		this.clock.advance(Duration.ofMinutes(14));
		for (int i = 0; i < 5; i++) {
			assertThat(instances[0].attempt("early" + i + "@example.com", "10.0.0.33").block()).isEmpty();
		}
		this.clock.advance(Duration.ofMinutes(2));
		int burst = 100;

		long refused = Flux.range(0, burst)
			.flatMap((i) -> instances[i % 2].attempt("user" + i + "@example.com", "10.0.0.33"), burst)
			.filter(Optional::isPresent)
			.count()
			.block();

		assertThat(refused).isZero();
		assertThat(storedCount("throttle_attempts_", Duration.ofMinutes(15), "address:10.0.0.33")).isEqualTo(5 + burst);
	}

	/**
	 * Many emails at once from one address past its limit (20 here): exactly its free
	 * attempts get through, as when they come one after the other.
	 */
	@Test
	void letsOnlyTheFreeAttemptsOfAnAddressThroughInAParallelBurstForManyEmails() {
		LoginThrottle other = new LoginThrottle(template(), this.limits, this.clock);
		LoginThrottle[] instances = { this.throttle, other };

		long admitted = Flux.range(0, 80)
			.flatMap((i) -> instances[i % 2].attempt("user" + i + "@example.com", "10.0.0.34"), 80)
			.filter(Optional::isEmpty)
			.count()
			.block();

		assertThat(admitted).isEqualTo(20);
		assertThat(attempt("someone-else@example.com", "10.0.0.34")).hasValue(Duration.ofSeconds(1));
	}

	/** As {@link #limits}, but 100,000 attempts per address and sign-ups per address. */
	private IdentityProperties.Throttle roomyLimits() {
		return new IdentityProperties.Throttle(3, 10, 100_000, Duration.ofSeconds(1), Duration.ofSeconds(60),
				Duration.ofSeconds(30), Duration.ofMinutes(15), 1000, 100_000, Duration.ofHours(1));
	}

	@Test
	void aSuccessOnOneInstanceForgetsTheAttemptsCountedOnAnother() {
		LoginThrottle other = new LoginThrottle(template(), this.limits, this.clock);
		for (int i = 0; i < 3; i++) {
			assertThat(attempt("e@example.com", "10.0.0.12")).isEmpty();
		}
		assertThat(other.attempt("e@example.com", "10.0.0.12").block()).isPresent();

		other.succeeded("e@example.com", "10.0.0.12").block();

		assertThat(attempt("e@example.com", "10.0.0.12")).isEmpty();
	}

	@Test
	void neverMakesAFreeAttemptWaitForOneThatReadTheClockLater() {
		Instant earlier = this.clock.instant();
		this.clock.advance(Duration.ofMillis(3));
		assertThat(attempt("first@example.com", "10.0.0.2")).isEmpty();
		this.clock.set(earlier);

		assertThat(attempt("second@example.com", "10.0.0.2")).isEmpty();
	}

	@Test
	void slowsRepeatedGuessesDownProgressivelyInsteadOfLockingOut() {
		for (int i = 0; i < 3; i++) {
			assertThat(attempt("a@example.com", "10.0.0.1")).isEmpty();
		}
		assertThat(attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(attempt("a@example.com", "10.0.0.1")).isEmpty();
		assertThat(attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(attempt("a@example.com", "10.0.0.1")).isEmpty();
		assertThat(attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(4));
	}

	@Test
	void aStrangersGuessesDoNotLockTheOwnerOut() {
		for (int i = 0; i < 7; i++) {
			attempt("admin@example.com", "203.0.113.7");
		}

		assertThat(attempt("admin@example.com", "198.51.100.1")).isEmpty();
	}

	@Test
	void manyAddressesGuessingOneEmailAreSlowedButTheDelayStaysShort() {
		for (int i = 0; i < 10; i++) {
			assertThat(attempt("admin@example.com", "203.0.113." + i)).isEmpty();
		}
		for (int i = 0; i < 30; i++) {
			Optional<Duration> wait = attempt("admin@example.com", "198.51.100." + i);
			wait.ifPresent((duration) -> assertThat(duration).isLessThanOrEqualTo(Duration.ofSeconds(30)));
			this.clock.advance(wait.orElse(Duration.ZERO));
		}

		assertThat(attempt("admin@example.com", "192.0.2.1")).isPresent();
	}

	@Test
	void forgetsAnEmailsAttemptsOnASuccessfulSignIn() {
		attempt("c@example.com", "10.0.0.3");
		attempt("c@example.com", "10.0.0.3");
		succeeded("c@example.com", "10.0.0.3");
		attempt("c@example.com", "10.0.0.3");
		attempt("c@example.com", "10.0.0.3");

		assertThat(attempt("c@example.com", "10.0.0.3")).isEmpty();
	}

	@Test
	void successfulSignInsFromOneAddressDoNotCountAgainstIt() {
		for (int i = 0; i < 100; i++) {
			String email = "user" + i + "@example.com";
			assertThat(attempt(email, "10.0.0.5")).as(email).isEmpty();
			succeeded(email, "10.0.0.5");
		}
	}

	@Test
	void slowsAnAddressThatTriesManyEmails() {
		for (int i = 0; i < 20; i++) {
			assertThat(attempt("user" + i + "@example.com", "10.0.0.9")).isEmpty();
		}

		assertThat(attempt("someone-else@example.com", "10.0.0.9")).isPresent();
		assertThat(attempt("someone-else@example.com", "10.0.0.10")).isEmpty();
	}

	@Test
	void forgetsAttemptsAfterTheWindow() {
		for (int i = 0; i < 4; i++) {
			attempt("d@example.com", "10.0.0.4");
		}
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		for (int i = 0; i < 3; i++) {
			assertThat(attempt("d@example.com", "10.0.0.4")).isEmpty();
		}
	}

	/**
	 * Counts live in one collection per 15-minute period; a count made just before a
	 * period turns still holds after it.
	 */
	@Test
	void keepsCountingAcrossTheTurnOfAPeriod() {
		this.clock.advance(Duration.ofMinutes(14).plusSeconds(59).plusMillis(500));
		for (int i = 0; i < 3; i++) {
			assertThat(attempt("f@example.com", "10.0.0.13")).isEmpty();
		}
		this.clock.advance(Duration.ofMillis(600));

		assertThat(attempt("f@example.com", "10.0.0.13")).hasValue(Duration.ofMillis(400));
		this.clock.advance(Duration.ofMillis(400));
		assertThat(attempt("f@example.com", "10.0.0.13")).isEmpty();
		assertThat(attempt("f@example.com", "10.0.0.13")).hasValue(Duration.ofSeconds(2));
	}

	/**
	 * An instance whose clock is a moment behind, still in the old period, must not count
	 * in the old period's document once another has carried the key forward.
	 */
	@Test
	void anInstanceStillInTheOldPeriodCountsWhereTheKeyWasCarried() {
		this.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		MutableClock behind = new MutableClock(this.clock.instant().plusMillis(900));
		LoginThrottle lagging = new LoginThrottle(template(), this.limits, behind);
		for (int i = 0; i < 2; i++) {
			assertThat(attempt("g@example.com", "10.0.0.14")).isEmpty();
		}
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(attempt("g@example.com", "10.0.0.14")).isEmpty();

		assertThat(lagging.attempt("g@example.com", "10.0.0.14").block()).hasValue(Duration.ofMillis(1100));
	}

	/**
	 * At most {@code maxTracked} keys a period, and only the last two periods kept: the
	 * older collections are dropped, so the embedded server (no TTL) stays bounded too.
	 */
	@Test
	void keepsABoundedNumberOfKeysWhateverEmailsAreTried() {
		IdentityProperties.Throttle fewKeys = new IdentityProperties.Throttle(3, 10, 20, Duration.ofSeconds(1),
				Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(15), 100, 20, Duration.ofHours(1));
		LoginThrottle throttle = new LoginThrottle(this.mongo, fewKeys, this.clock);
		for (int period = 0; period < 4; period++) {
			Flux.range(0, 300)
				.flatMap((i) -> throttle.attempt(UUID.randomUUID() + "@example.com", "10.0.0." + (i % 200)), 8)
				.blockLast();
			this.clock.advance(Duration.ofMinutes(15));
		}
		throttle.attempt("last@example.com", "10.0.0.1").block();

		assertThat(throttle.trackedKeys().block()).isLessThanOrEqualTo(2 * (100 + 8) + 1);
		assertThat(this.mongo.getCollectionNames()
			.filter((name) -> name.startsWith("throttle_attempts_"))
			.collectList()
			.block()).hasSizeLessThanOrEqualTo(2);
	}

	/**
	 * The embedded server ignores TTL indexes, so an expired count is still stored; it
	 * must count as nothing all the same.
	 */
	@Test
	void treatsAnExpiredCountAsAbsentThoughItIsStillStored() {
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(registration("10.0.0.11")).isEmpty();
		this.clock.advance(Duration.ofMinutes(2));
		for (int i = 1; i < 20; i++) {
			assertThat(registration("10.0.0.11")).isEmpty();
		}
		assertThat(registration("10.0.0.11")).hasValue(Duration.ofMinutes(58));
		this.clock.advance(Duration.ofMinutes(58));

		assertThat(storedRegistration("10.0.0.11")).isNotNull();
		assertThat(registration("10.0.0.11")).isEmpty();
	}

	@Test
	void limitsRegistrationsPerAddressWithinTheirWindow() {
		for (int i = 0; i < 20; i++) {
			assertThat(registration("10.0.0.7")).isEmpty();
		}

		assertThat(registration("10.0.0.7"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
		assertThat(registration("10.0.0.8")).isEmpty();
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(registration("10.0.0.7")).isEmpty();
	}

	private Optional<Duration> attempt(String email, String address) {
		return this.throttle.attempt(email, address).block();
	}

	private void succeeded(String email, String address) {
		this.throttle.succeeded(email, address).block();
	}

	private Optional<Duration> registration(String address) {
		return this.throttle.registration(address).block();
	}

	/** The count stored for a key in the current period's collection (0 when absent). */
	private int storedCount(String prefix, Duration period, String key) {
		long n = Math.floorDiv(this.clock.millis(), period.toMillis());
		Document document = this.mongo.findById(key, Document.class, prefix + n).block();
		return (document != null) ? ((Number) document.get("count")).intValue() : 0;
	}

	/** The document of an address's sign-ups in the current hour's collection. */
	private Document storedRegistration(String address) {
		long period = Math.floorDiv(this.clock.millis(), Duration.ofHours(1).toMillis());
		return this.mongo.findById(address, Document.class, "throttle_registrations_" + period).block();
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
