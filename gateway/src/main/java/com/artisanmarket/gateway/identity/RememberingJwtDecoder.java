package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Checks a token once and remembers that it passed, until it expires (and for at most
 * {@code longest}): a signed-in user's every call carries the same token, and its
 * signature check, parse and claim conversion were repeated on each. A token's bytes
 * cannot change, so one that passed passes again until its expiry; one that fails is not
 * remembered. The services do the same with their own copy of the check.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> passed;

	/**
	 * @param verifier checks a token's signature and claims
	 * @param size how many tokens are remembered at most
	 * @param longest how long a token is remembered at most
	 * @param clock the clock a token's expiry is compared with
	 * @param ticker the clock the remembered tokens age by (the system's, or a test's)
	 */
	RememberingJwtDecoder(ReactiveJwtDecoder verifier, int size, Duration longest, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.passed = Caffeine.newBuilder()
			.maximumSize(size)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remembered(jwt, longest, clock)))
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt jwt = this.passed.getIfPresent(token);
		if (jwt != null) {
			return Mono.just(jwt);
		}
		return this.verifier.decode(token).doOnNext((passed) -> this.passed.put(token, passed));
	}

	private static Duration remembered(Jwt jwt, Duration longest, Clock clock) {
		Instant expiry = jwt.getExpiresAt();
		if (expiry == null) {
			return longest;
		}
		Duration left = Duration.between(clock.instant(), expiry);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(longest) < 0 ? left : longest);
	}

}
