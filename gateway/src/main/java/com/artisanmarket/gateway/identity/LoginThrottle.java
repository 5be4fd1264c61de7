package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address within a window. Once either
 * has too many, further attempts are refused (429) until the oldest failure leaves the
 * window, whether or not the password would be right: guessing gets slow. Kept in memory:
 * a restart forgives, which is acceptable for one gateway instance.
 */
class LoginThrottle {

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final IdentityProperties.Throttle limits;

	private final Clock clock;

	LoginThrottle(IdentityProperties.Throttle limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/** How long the caller must wait, if an account or address has failed too often. */
	Optional<Duration> retryAfter(String email, String address) {
		Instant now = this.clock.instant();
		return longest(wait("account:" + email, this.limits.perAccount(), now),
				wait("address:" + address, this.limits.perAddress(), now));
	}

	void failed(String email, String address) {
		Instant now = this.clock.instant();
		record("account:" + email, now);
		record("address:" + address, now);
	}

	void succeeded(String email) {
		this.failures.remove("account:" + email);
	}

	private void record(String key, Instant now) {
		this.failures.compute(key, (k, times) -> {
			Deque<Instant> recent = (times != null) ? times : new ArrayDeque<>();
			prune(recent, now);
			recent.addLast(now);
			return recent;
		});
	}

	private Optional<Duration> wait(String key, int limit, Instant now) {
		Deque<Instant> times = this.failures.computeIfPresent(key, (k, recent) -> {
			prune(recent, now);
			return recent.isEmpty() ? null : recent;
		});
		if (times == null || times.size() < limit) {
			return Optional.empty();
		}
		synchronized (times) {
			return Optional.of(Duration.between(now, times.peekFirst().plus(this.limits.window())));
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().plus(this.limits.window()).isBefore(now)) {
				times.removeFirst();
			}
		}
	}

	private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		return Optional.of((a.get().compareTo(b.get()) >= 0) ? a.get() : b.get());
	}

}
