package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

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
	private final ReactiveJwtDecoder verifier = (token) -> Mono.defer(() -> {
		this.checked.add(token);
		if (token.equals("forged")) {
			return Mono.error(new BadJwtException("Signature invalid"));
		}
		return Mono.just(Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("u-1")
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(Long.parseLong(token)))
			.build());
	});

	private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(this.verifier, 100, LONGEST,
			Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get);

	@Test
	void aTokenThatPassedIsNotCheckedAgainUntilItExpires() {
		Jwt first = this.decoder.decode("30").block();
		this.nanos.addAndGet(Duration.ofSeconds(29).toNanos());
		assertThat(this.decoder.decode("30").block()).isSameAs(first);
		assertThat(this.checked).containsExactly("30");

		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		this.decoder.decode("30").block();

		assertThat(this.checked).containsExactly("30", "30");
	}

	@Test
	void aLongLivedTokenIsCheckedAgainAfterTheLongestTime() {
		this.decoder.decode("3600").block();
		this.nanos.addAndGet(LONGEST.plusSeconds(1).toNanos());
		this.decoder.decode("3600").block();

		assertThat(this.checked).containsExactly("3600", "3600");
	}

	@Test
	void aTokenThatFailedIsCheckedEveryTime() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged").block());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged").block());

		assertThat(this.checked).containsExactly("forged", "forged");
	}

}
