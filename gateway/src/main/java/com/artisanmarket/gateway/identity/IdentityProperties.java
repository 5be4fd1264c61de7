package com.artisanmarket.gateway.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens.
 *
 * @param issuer the {@code iss} of every token
 * @param tokenLifetime how long a token is valid: minutes, not days
 * @param signingKey the RSA private key (PKCS#8 PEM) that signs tokens, e.g. from a
 * secret in compose; when empty, {@code signingKeyFile} is used
 * @param signingKeyFile where the key is kept on the local default: generated once,
 * readable only by its owner, so tokens stay valid across restarts
 * @param throttle how sign-ins and sign-ups are slowed down
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway,
 * whose {@code X-Forwarded-For} is believed; empty: none, the peer is the client
 * @param rememberedTokens how many tokens that passed the checks are remembered, each
 * until it expires and for at most five minutes, so that a user's calls do not each check
 * the same signature again; 0 checks every call's token
 */
@ConfigurationProperties("marketplace.identity")
record IdentityProperties(@DefaultValue("artisan-marketplace") String issuer,
		@DefaultValue("15m") Duration tokenLifetime, String signingKey, Path signingKeyFile,
		@DefaultValue Throttle throttle, @DefaultValue List<String> trustedProxies,
		@DefaultValue("4096") int rememberedTokens) {

	/**
	 * How sign-ins and sign-ups are slowed down (see {@link LoginThrottle}). Past its
	 * free attempts a key waits {@code firstDelay}, then twice as long each time, up to
	 * its longest delay.
	 *
	 * @param perAccountAndAddress free sign-in attempts for one email from one address
	 * @param perAccount free attempts for one email from any address (its delay stays
	 * short: {@code longestAccountDelay})
	 * @param perAddress free attempts from one address over all emails (a successful
	 * sign-in gives its attempt back)
	 * @param firstDelay the wait after the free attempts
	 * @param longestDelay the longest wait of an email from one address, or of an address
	 * @param longestAccountDelay the longest wait of an email from anywhere, so a
	 * stranger's guesses never lock the owner out for long
	 * @param window attempts are forgotten this long after a key's last one (at least
	 * {@code longestDelay}); also how long each of the throttle's collections is written
	 * to, two being kept
	 * @param maxTracked the most keys recorded in one such period; past it a new key is
	 * not recorded until the next
	 * @param registrationsPerAddress sign-ups from one address per
	 * {@code registrationWindow}
	 * @param registrationWindow the window of {@code registrationsPerAddress}
	 */
	record Throttle(@DefaultValue("5") int perAccountAndAddress, @DefaultValue("20") int perAccount,
			@DefaultValue("100") int perAddress, @DefaultValue("1s") Duration firstDelay,
			@DefaultValue("15m") Duration longestDelay, @DefaultValue("30s") Duration longestAccountDelay,
			@DefaultValue("15m") Duration window, @DefaultValue("100000") long maxTracked,
			@DefaultValue("100") int registrationsPerAddress, @DefaultValue("1h") Duration registrationWindow) {

		Throttle {
			window = (window.compareTo(longestDelay) < 0) ? longestDelay : window;
		}

	}

}
