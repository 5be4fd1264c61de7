package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.artisanmarket.system.Users.User;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 9: what a careless or hostile client does at the gateway's edge harms
 * nobody else. Slow bodies are not counted as a slow service (the route's time limiter
 * allows 4 s; each body here takes 5 s to arrive), and a path the web firewall refuses is
 * answered like every other error.
 */
class EdgeAbuseSystemTests {

	private final MarketplaceStack marketplace = MarketplaceStack.shared();

	@Test
	void slowBodiesLeaveTheBreakerClosedForEveryoneElse() throws Exception {
		User buyer = Users.signUp(this.marketplace, "BUYER");
		String orders = this.marketplace.gatewayUrl() + "/api/orders";
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> slow = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				Map<String, String> headers = Map.of("Authorization", "Bearer " + buyer.token(), "Idempotency-Key",
						UUID.randomUUID().toString());
				slow.add(clients
					.submit(() -> Http.postJsonSlowly(orders, "{\"items\":[]}", headers, 10, Duration.ofMillis(500))));
			}
			for (Future<Integer> status : slow) {
				assertThat(status.get(60, TimeUnit.SECONDS)).as("order-service's own answer to an empty order")
					.isBetween(400, 499);
			}
		}

		HttpResponse<String> honest = Http.get(orders, buyer.authorization());
		assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
	}

	@Test
	void aPathTheFirewallRefusesIsAProblem() {
		User admin = Users.admin(this.marketplace);

		HttpResponse<String> refused = Http.putJson(this.marketplace.gatewayUrl() + "/api/artisans//verification",
				"{\"status\":\"VERIFIED\"}", admin.authorization());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(refused).path("type").asString()).endsWith("/problems/request-refused");
	}

}
