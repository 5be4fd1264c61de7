package com.artisanmarket.gateway.identity;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param throttle how many failed sign-ins are tolerated
 */
@ConfigurationProperties("marketplace.identity")
record IdentityProperties(@DefaultValue("artisan-marketplace") String issuer,
		@DefaultValue("15m") Duration tokenLifetime, String signingKey, Path signingKeyFile,
		@DefaultValue Throttle throttle) {

	/**
	 * Failed sign-ins tolerated within a window, per account and per client address.
	 *
	 * @param perAccount failures for one email
	 * @param perAddress failures from one client address
	 * @param window how long a failure counts
	 */
	record Throttle(@DefaultValue("5") int perAccount, @DefaultValue("20") int perAddress,
			@DefaultValue("15m") Duration window) {

	}

}
