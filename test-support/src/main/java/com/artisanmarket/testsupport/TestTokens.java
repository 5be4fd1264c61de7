package com.artisanmarket.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

/**
 * The token issuer of integration tests, standing in for the gateway: one key pair per
 * test JVM, its public half served as a JWKS on loopback, and a {@link TokenMint} to make
 * tokens with it. {@link InfrastructureTestConfiguration} points services at it.
 */
public final class TestTokens {

	private static TestTokens instance;

	private final TokenMint mint = TokenMint.withNewKey();

	private final HttpServer server;

	private TestTokens() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] jwks = new JWKSet(this.mint.key().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/.well-known/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		this.server.start();
	}

	public static synchronized TestTokens get() {
		if (instance == null) {
			instance = new TestTokens();
		}
		return instance;
	}

	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	public TokenMint mint() {
		return this.mint;
	}

	/** A valid token for an account with the given roles. */
	public static String token(String subject, String... roles) {
		return get().mint.token(subject, roles);
	}

	/** An {@code Authorization} header value with a valid token. */
	public static String bearer(String subject, String... roles) {
		return "Bearer " + token(subject, roles);
	}

}
