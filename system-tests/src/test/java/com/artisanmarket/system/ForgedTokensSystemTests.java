package com.artisanmarket.system;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import com.artisanmarket.testsupport.TokenMint;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not work: unsigned ({@code alg: none}), signed by another key, expired
 * (signed with the gateway's real key), and a real token with its payload changed. Each
 * is refused with 401 by the gateway and by every service on its own port.
 */
class ForgedTokensSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@TestFactory
	List<DynamicTest> everyPartRefusesForgedTokens() throws IOException, ParseException {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		TokenMint gatewayKey = TokenMint
			.fromPem(Files.readString(marketplace.config().dataDir().resolve("gateway/signing-key.pem")));
		assertThat(gatewayKey.key().getKeyID()).as("the harness reads the gateway's real key")
			.isEqualTo(SignedJWT.parse(artisan.token()).getHeader().getKeyID());
		Map<String, String> forgeries = Map.of("alg none", TokenMint.unsigned(artisan.id(), "ADMIN", "ARTISAN"),
				"another key", TokenMint.withNewKey().token(artisan.id(), "ADMIN", "ARTISAN"), "expired",
				gatewayKey.expired(artisan.id(), "ARTISAN"), "tampered payload", TokenMint.tampered(artisan.token()));
		Map<String, String> targets = Map.of("gateway", marketplace.gatewayUrl() + "/api/auth/me",
				"gateway to artisans", marketplace.gatewayUrl() + "/api/artisans", Stack.ARTISAN_SERVICE,
				marketplace.url(Stack.ARTISAN_SERVICE) + "/api/artisans", Stack.CATALOG_SERVICE,
				marketplace.url(Stack.CATALOG_SERVICE) + "/api/products", Stack.ORDER_SERVICE,
				marketplace.url(Stack.ORDER_SERVICE) + "/api/orders");
		List<DynamicTest> tests = new ArrayList<>();
		targets.forEach((target, url) -> forgeries
			.forEach((kind, token) -> tests.add(DynamicTest.dynamicTest(kind + " at " + target, () -> {
				HttpResponse<String> response = Http.get(url, Map.of("Authorization", "Bearer " + token));
				assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
				assertThat(response.headers().firstValue("WWW-Authenticate"))
					.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
			}))));
		tests.add(DynamicTest.dynamicTest("the genuine token is accepted",
				() -> assertThat(
						Http.get(marketplace.gatewayUrl() + "/api/auth/me", artisan.authorization()).statusCode())
					.isEqualTo(200)));
		return tests;
	}

}
