package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 2: a stranger guessing the admin's password slows only themselves down;
 * issue 19: the throttle holds across gateway instances. The suite's gateways trust
 * 127.0.0.1 as a proxy (system-tests/pom.xml), so a client comes from the address in
 * {@code X-Forwarded-For}.
 */
class SignInThrottleSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterAll
	static void oneGatewayAgain() {
		marketplace.scaleIn();
	}

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

	@Test
	void wrongPasswordsAlternatingBetweenTwoGatewaysAreCountedTogether() {
		String first = marketplace.gatewayUrl();
		String second = marketplace.scaleOut(List.of());
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		// The second gateway signs in with the same accounts and key: its token is good
		// at
		// the first.
		HttpResponse<String> signedIn = Http.postJson(second + "/api/auth/login",
				Http.toJson(Map.of("email", buyer.email(), "password", buyer.password())));
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		String token = Http.json(signedIn).path("accessToken").asString();
		HttpResponse<String> me = Http.get(first + "/api/auth/me", Map.of("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

		// Five free attempts for one email from one address (the default), then each must
		// wait. Counted per gateway, seven alternating guesses would be four and three:
		// all answered 401.
		String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> last = null;
		for (int i = 0; i < 7; i++) {
			HttpResponse<String> guess = Http.postJson(((i % 2 == 0) ? first : second) + "/api/auth/login",
					Http.toJson(Map.of("email", buyer.email(), "password", "guess-" + i + "-pw")),
					Map.of("X-Forwarded-For", address));
			statuses.add(guess.statusCode());
			last = guess;
		}

		assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
		assertThat(last.headers().firstValue("Retry-After")).as(last.body()).isPresent();
	}

}
