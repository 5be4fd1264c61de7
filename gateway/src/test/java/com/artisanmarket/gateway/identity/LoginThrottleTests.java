package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	/**
	 * 3 free attempts per email and address, 10 per email, 20 per address; then 1 s, 2 s,
	 * 4 s… up to 60 s (30 s for an email from anywhere); forgotten after 15 minutes; at
	 * most 1,000 keys.
	 */
	private final IdentityProperties.Throttle limits = new IdentityProperties.Throttle(3, 10, 20, Duration.ofSeconds(1),
			Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000, 20, Duration.ofHours(1));

	private final LoginThrottle throttle = new LoginThrottle(this.limits, this.clock);

	@Test
	void letsOnlyTheFreeAttemptsOfAParallelBurstReachThePasswordCheck() throws Exception {
		List<Callable<Optional<Duration>>> guesses = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			guesses.add(() -> this.throttle.attempt("admin@example.com", "10.0.0.66"));
		}
		int admitted = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (Future<Optional<Duration>> guess : pool.invokeAll(guesses)) {
				admitted += guess.get().isEmpty() ? 1 : 0;
			}
		}

		assertThat(admitted).isEqualTo(3);
	}

	/**
	 * Two free sign-ins from one address at once: the one that read the clock first may
	 * reach the counter second. It is still free; only a real delay makes it wait.
	 */
	@Test
	void neverMakesAFreeAttemptWaitForOneThatReadTheClockLater() {
		Instant earlier = this.clock.instant();
		this.clock.advance(Duration.ofMillis(3));
		assertThat(this.throttle.attempt("first@example.com", "10.0.0.2")).isEmpty();
		this.clock.set(earlier);

		assertThat(this.throttle.attempt("second@example.com", "10.0.0.2")).isEmpty();
	}

	@Test
	void slowsRepeatedGuessesDownProgressivelyInsteadOfLockingOut() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).isEmpty();
		}
		assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).isEmpty();
		assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).isEmpty();
		assertThat(this.throttle.attempt("a@example.com", "10.0.0.1")).hasValue(Duration.ofSeconds(4));
	}

	@Test
	void aStrangersGuessesDoNotLockTheOwnerOut() {
		for (int i = 0; i < 7; i++) {
			this.throttle.attempt("admin@example.com", "203.0.113.7");
		}

		assertThat(this.throttle.attempt("admin@example.com", "198.51.100.1")).isEmpty();
	}

	@Test
	void manyAddressesGuessingOneEmailAreSlowedButTheDelayStaysShort() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.throttle.attempt("admin@example.com", "203.0.113." + i)).isEmpty();
		}
		for (int i = 0; i < 30; i++) {
			Optional<Duration> wait = this.throttle.attempt("admin@example.com", "198.51.100." + i);
			wait.ifPresent((duration) -> assertThat(duration).isLessThanOrEqualTo(Duration.ofSeconds(30)));
			this.clock.advance(wait.orElse(Duration.ZERO));
		}

		assertThat(this.throttle.attempt("admin@example.com", "192.0.2.1")).isPresent();
	}

	@Test
	void forgetsAnEmailsAttemptsOnASuccessfulSignIn() {
		this.throttle.attempt("c@example.com", "10.0.0.3");
		this.throttle.attempt("c@example.com", "10.0.0.3");
		this.throttle.succeeded("c@example.com", "10.0.0.3");
		this.throttle.attempt("c@example.com", "10.0.0.3");
		this.throttle.attempt("c@example.com", "10.0.0.3");

		assertThat(this.throttle.attempt("c@example.com", "10.0.0.3")).isEmpty();
	}

	@Test
	void successfulSignInsFromOneAddressDoNotCountAgainstIt() {
		for (int i = 0; i < 100; i++) {
			String email = "user" + i + "@example.com";
			assertThat(this.throttle.attempt(email, "10.0.0.5")).as(email).isEmpty();
			this.throttle.succeeded(email, "10.0.0.5");
		}
	}

	@Test
	void slowsAnAddressThatTriesManyEmails() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.throttle.attempt("user" + i + "@example.com", "10.0.0.9")).isEmpty();
		}

		assertThat(this.throttle.attempt("someone-else@example.com", "10.0.0.9")).isPresent();
		assertThat(this.throttle.attempt("someone-else@example.com", "10.0.0.10")).isEmpty();
	}

	@Test
	void forgetsAttemptsAfterTheWindow() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt("d@example.com", "10.0.0.4");
		}
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		assertThat(this.throttle.attempt("d@example.com", "10.0.0.4")).isEmpty();
	}

	@Test
	void keepsABoundedNumberOfKeysWhateverEmailsAreTried() {
		for (int i = 0; i < 20_000; i++) {
			this.throttle.attempt(UUID.randomUUID() + "@example.com", "10.0.0." + (i % 200));
		}

		assertThat(this.throttle.trackedKeys()).isLessThanOrEqualTo(3 * 1000);
	}

	@Test
	void limitsRegistrationsPerAddressWithinTheirWindow() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.throttle.registration("10.0.0.7")).isEmpty();
		}

		assertThat(this.throttle.registration("10.0.0.7"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
		assertThat(this.throttle.registration("10.0.0.8")).isEmpty();
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(this.throttle.registration("10.0.0.7")).isEmpty();
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
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
