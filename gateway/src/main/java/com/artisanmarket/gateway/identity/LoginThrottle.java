package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
 * The counts live in Caffeine caches bounded in size and expiring a window after a key's
 * last attempt, so random emails cannot grow them without limit. They are per gateway
 * instance: a restart forgives, and several instances each allow the free attempts.
 */
class LoginThrottle {

	private final IdentityProperties.Throttle limits;

	private final Clock clock;

	private final ConcurrentMap<String, Attempts> attempts;

	private final ConcurrentMap<String, Registrations> registrations;

	LoginThrottle(IdentityProperties.Throttle limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
		Cache<String, Attempts> attempts = Caffeine.newBuilder()
			.maximumSize(limits.maxTracked())
			.expireAfterWrite(limits.window())
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.build();
		Cache<String, Registrations> registrations = Caffeine.newBuilder()
			.maximumSize(limits.maxTracked())
			.expireAfterWrite(limits.registrationWindow())
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.build();
		this.attempts = attempts.asMap();
		this.registrations = registrations.asMap();
	}

	/**
	 * Counts one sign-in attempt, unless the caller must wait first.
	 * @param email the normalised email
	 * @param address the client's address
	 * @return how long to wait, or empty when the password may be checked now
	 */
	Optional<Duration> attempt(String email, String address) {
		Instant now = this.clock.instant();
		return admit("pair:" + email + " " + address, this.limits.perAccountAndAddress(), this.limits.longestDelay(),
				now)
			.or(() -> admit("account:" + email, this.limits.perAccount(), this.limits.longestAccountDelay(), now))
			.or(() -> admit("address:" + address, this.limits.perAddress(), this.limits.longestDelay(), now));
	}

	/**
	 * The password was right: its email's attempts are forgotten, its address's refunded.
	 */
	void succeeded(String email, String address) {
		this.attempts.remove("pair:" + email + " " + address);
		this.attempts.remove("account:" + email);
		this.attempts.computeIfPresent("address:" + address,
				(key, counted) -> (counted.count() <= 1) ? null : counted.refunded(this.limits.perAddress()));
	}

	/**
	 * Counts one registration from this address, unless it has had its share of the
	 * window.
	 * @param address the client's address
	 * @return how long to wait, or empty when the registration may go ahead
	 */
	Optional<Duration> registration(String address) {
		Instant now = this.clock.instant();
		Duration[] wait = new Duration[1];
		this.registrations.compute(address, (key, counted) -> {
			Registrations current = (counted == null
					|| !now.isBefore(counted.since().plus(this.limits.registrationWindow())))
							? new Registrations(now, 0) : counted;
			if (current.count() >= this.limits.registrationsPerAddress()) {
				wait[0] = Duration.between(now, current.since().plus(this.limits.registrationWindow()));
				return current;
			}
			return new Registrations(current.since(), current.count() + 1);
		});
		return Optional.ofNullable(wait[0]);
	}

	/** How many keys are tracked now (bounded by the settings). */
	long trackedKeys() {
		return this.attempts.size() + this.registrations.size();
	}

	private Optional<Duration> admit(String key, int free, Duration longest, Instant now) {
		Duration[] wait = new Duration[1];
		this.attempts.compute(key, (k, counted) -> {
			Attempts current = (counted != null) ? counted : new Attempts(0, Instant.MIN);
			if (now.isBefore(current.nextAllowed())) {
				wait[0] = Duration.between(now, current.nextAllowed());
				return current;
			}
			int count = current.count() + 1;
			Duration delay = delayAfter(count, free, longest);
			// A free attempt sets no time: one that read the clock a moment earlier on
			// another thread must not be made to wait for it.
			return new Attempts(count, delay.isZero() ? Instant.MIN : now.plus(delay));
		});
		return Optional.ofNullable(wait[0]);
	}

	private Duration delayAfter(int count, int free, Duration longest) {
		if (count < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - free, 30);
		Duration delay = this.limits.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(longest) > 0) ? longest : delay;
	}

	/**
	 * @param count attempts counted
	 * @param nextAllowed when the next one may be made
	 */
	private record Attempts(int count, Instant nextAllowed) {

		Attempts refunded(int free) {
			int left = this.count - 1;
			return new Attempts(left, (left < free) ? Instant.MIN : this.nextAllowed);
		}

	}

	/**
	 * @param since the start of this address's registration window
	 * @param count registrations in it
	 */
	private record Registrations(Instant since, int count) {

	}

}
