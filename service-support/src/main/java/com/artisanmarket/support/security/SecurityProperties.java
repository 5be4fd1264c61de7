package com.artisanmarket.support.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies the gateway's tokens.
 *
 * @param jwksUri where the gateway publishes its public keys, or where each gateway does,
 * separated by commas (they publish the same key; one that cannot be reached costs an
 * attempt at the next); fetched on the first token, cached, and fetched again when a
 * token names an unknown key, so a service starts while the gateways are down
 * @param issuer the {@code iss} every token must carry
 * @param rememberedTokens how many tokens that passed the checks are remembered, each
 * until it expires and for at most five minutes, so that a buyer's requests do not each
 * check the same signature again; 0 checks every request's token
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") List<URI> jwksUri,
		@DefaultValue("artisan-marketplace") String issuer, @DefaultValue("4096") int rememberedTokens) {

}
