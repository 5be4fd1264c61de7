package com.artisanmarket.support.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import com.artisanmarket.testsupport.TestTokens;
import com.artisanmarket.testsupport.TokenMint;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 19: with several gateways, a service fetches their (shared) public key from any
 * of them: one that cannot be reached costs an attempt at the next. Against a real key
 * set served on loopback and a port nothing listens on.
 */
class GatewayKeySetTests {

	@Test
	void aGatewayThatCannotBeReachedCostsAnAttemptAtTheNext() throws IOException {
		JwtDecoder decoder = decoder(List.of(unreachable(), URI.create(TestTokens.get().jwksUri())));

		assertThat(decoder.decode(TestTokens.token("u-1", "BUYER")).getSubject()).isEqualTo("u-1");
	}

	@Test
	void withNoGatewayAnsweringATokenIsRefused() throws IOException {
		JwtDecoder decoder = decoder(List.of(unreachable(), unreachable()));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(TestTokens.token("u-1")));
	}

	private static JwtDecoder decoder(List<URI> keySets) {
		return new ServiceSecurityAutoConfiguration()
			.jwtDecoder(new SecurityProperties(keySets, TokenMint.ISSUER, 4096));
	}

	private static URI unreachable() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/.well-known/jwks.json");
		}
	}

}
