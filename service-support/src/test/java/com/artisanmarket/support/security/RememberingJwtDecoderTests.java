package com.artisanmarket.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token is checked once and taken as it passed until it expires, for at most the
 * longest time given; one that fails is checked again each time.
 */
class RememberingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private static final Duration LONGEST = Duration.ofMinutes(5);

	private final List<String> checked = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong();

	/**
	 * Passes every token but "forged", each expiring after as many seconds as it says.
	 */
	private final JwtDecoder verifier = (token) -> {
		this.checked.add(token);
		if (token.equals("forged")) {
			throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signature invalid");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("u-1")
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(Long.parseLong(token)))
			.build();
	};

	private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(this.verifier, 100, LONGEST,
			Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get);

	@Test
	void aTokenThatPassedIsNotCheckedAgain() {
		Jwt first = this.decoder.decode("900");
		Jwt second = this.decoder.decode("900");

		assertThat(second).isSameAs(first);
		assertThat(this.checked).containsExactly("900");
	}

	@Test
	void eachTokenIsCheckedOnItsOwn() {
		this.decoder.decode("900");
		this.decoder.decode("600");

		assertThat(this.checked).containsExactly("900", "600");
	}

	@Test
	void aTokenIsCheckedAgainOnceItHasExpired() {
		this.decoder.decode("30");
		after(Duration.ofSeconds(29));
		this.decoder.decode("30");
		assertThat(this.checked).containsExactly("30");

		after(Duration.ofSeconds(2));
		this.decoder.decode("30");

		assertThat(this.checked).containsExactly("30", "30");
	}

	@Test
	void aLongLivedTokenIsCheckedAgainAfterTheLongestTime() {
		this.decoder.decode("3600");
		after(LONGEST.minusSeconds(1));
		this.decoder.decode("3600");
		assertThat(this.checked).containsExactly("3600");

		after(Duration.ofSeconds(2));
		this.decoder.decode("3600");

		assertThat(this.checked).containsExactly("3600", "3600");
	}

	@Test
	void aTokenThatFailedIsCheckedEveryTime() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));

		assertThat(this.checked).containsExactly("forged", "forged");
	}

	private void after(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
