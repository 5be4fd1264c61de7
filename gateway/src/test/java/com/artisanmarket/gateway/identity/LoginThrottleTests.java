package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(
			new IdentityProperties.Throttle(3, 5, Duration.ofMinutes(15)), this.clock);

	@Test
	void throttlesAnAccountUntilItsOldestFailureLeavesTheWindow() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.retryAfter("a@example.com", "10.0.0.1")).isEmpty();
			this.throttle.failed("a@example.com", "10.0.0.1");
			this.clock.advance(Duration.ofMinutes(1));
		}

		assertThat(this.throttle.retryAfter("a@example.com", "10.0.0.1")).hasValue(Duration.ofMinutes(12));
		assertThat(this.throttle.retryAfter("b@example.com", "10.0.0.2")).isEmpty();

		this.clock.advance(Duration.ofMinutes(12).plusSeconds(1));
		assertThat(this.throttle.retryAfter("a@example.com", "10.0.0.1")).isEmpty();
	}

	@Test
	void throttlesAnAddressThatTriesManyAccounts() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("user" + i + "@example.com", "10.0.0.9");
		}

		assertThat(this.throttle.retryAfter("someone-else@example.com", "10.0.0.9")).isPresent();
		assertThat(this.throttle.retryAfter("someone-else@example.com", "10.0.0.10")).isEmpty();
	}

	@Test
	void forgetsAnAccountsFailuresOnASuccessfulSignIn() {
		this.throttle.failed("c@example.com", "10.0.0.3");
		this.throttle.failed("c@example.com", "10.0.0.3");
		this.throttle.succeeded("c@example.com");
		this.throttle.failed("c@example.com", "10.0.0.3");

		assertThat(this.throttle.retryAfter("c@example.com", "10.0.0.3")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
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
