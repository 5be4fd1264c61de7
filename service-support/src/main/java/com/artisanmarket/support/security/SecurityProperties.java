package com.artisanmarket.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies the gateway's tokens.
 *
 * @param jwksUri where the gateway publishes its public keys; fetched on the first token,
 * cached, and fetched again when a token names an unknown key, so a service starts while
 * the gateway is down
 * @param issuer the {@code iss} every token must carry
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") String jwksUri,
		@DefaultValue("artisan-marketplace") String issuer) {

}
