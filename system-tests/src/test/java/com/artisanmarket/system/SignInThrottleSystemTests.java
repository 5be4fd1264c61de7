package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.Map;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 2: a stranger guessing the admin's password slows only themselves down.
 * The suite's gateway trusts 127.0.0.1 as a proxy (system-tests/pom.xml), so the stranger
 * comes from the address in {@code X-Forwarded-For}.
 */
class SignInThrottleSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@Test
	void aStrangersWrongGuessesForTheAdminsEmailDoNotLockTheAdminOut() {
		for (int i = 0; i < 7; i++) {
			HttpResponse<String> guess = Http.postJson(marketplace.gatewayUrl() + "/api/auth/login",
					Http.toJson(Map.of("email", "admin@artisan-marketplace.local", "password", "guess-" + i + "-pw")),
					Map.of("X-Forwarded-For", "203.0.113.7"));
			assertThat(guess.statusCode()).as(guess.body()).isIn(401, 429);
		}

		Users.User admin = Users.admin(marketplace);

		assertThat(admin.token()).isNotBlank();
	}

}
