package com.artisanmarket.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks a token once and remembers that it passed, until it expires (and for at most
 * {@code longest}). A signed-in buyer's every request carries the same token, and its
 * signature check, parse and claim conversion were 7 % of order-service's CPU while
 * orders were placed and followed; a token's bytes cannot change, so a token that passed
 * once passes again until its expiry. A token that fails is not remembered, and is
 * checked again each time it is presented.
 * <p>
 * What is given up: a token signed with a key the gateway no longer publishes keeps
 * passing for at most {@code longest} after it was first checked (tokens live 15 minutes,
 * and the gateway keeps its key across restarts).
 */
final class RememberingJwtDecoder implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Cache<String, Jwt> passed;

	/**
	 * @param verifier checks a token's signature and claims
	 * @param size how many tokens are remembered at most
	 * @param longest how long a token is remembered at most
	 * @param clock the clock a token's expiry is compared with
	 * @param ticker the clock the remembered tokens age by (the system's, or a test's)
	 */
	RememberingJwtDecoder(JwtDecoder verifier, int size, Duration longest, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.passed = Caffeine.newBuilder()
			.maximumSize(size)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remembered(jwt, longest, clock)))
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.passed.getIfPresent(token);
		if (jwt == null) {
			jwt = this.verifier.decode(token);
			this.passed.put(token, jwt);
		}
		return jwt;
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
