package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway keeps answering, with a 503 the client can act on, while a service is dead
 * or frozen, and routes to it again once it is back.
 */
class GatewayResilienceSystemTests {

	private final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void catalogIsBack() {
		this.marketplace.resume(Stack.CATALOG_SERVICE);
		this.marketplace.restart(Stack.CATALOG_SERVICE);
	}

	@Test
	void answersProblem503WhileCatalogIsKilledAndRoutesAgainAfterRestart() {
		String url = this.marketplace.gatewayUrl() + "/api/products/x";
		assertThat(Http.get(url).statusCode()).as("catalog answers before the crash").isNotEqualTo(503);

		this.marketplace.kill(Stack.CATALOG_SERVICE);
		long start = System.nanoTime();
		HttpResponse<String> down = Http.get(url);
		System.out.printf("gateway answered %d for a killed catalog-service in %d ms%n", down.statusCode(),
				Duration.ofNanos(System.nanoTime() - start).toMillis());

		assertServiceUnavailable(down, "/api/products/x");

		this.marketplace.restart(Stack.CATALOG_SERVICE);
		HttpResponse<String> back = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Http.get(url), (response) -> response.statusCode() != 503);
		assertThat(back.statusCode()).as("catalog-service's own answer for an unknown path").isEqualTo(404);
		assertThat(back.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void answersProblem503WhenCatalogIsFrozenWithinTheTimeLimiter() {
		String url = this.marketplace.gatewayUrl() + "/api/products/y";
		this.marketplace.pause(Stack.CATALOG_SERVICE);
		long start = System.nanoTime();
		HttpResponse<String> frozen = Http.get(url);
		System.out.printf("gateway answered %d for a frozen catalog-service in %d ms (time limiter 4 s)%n",
				frozen.statusCode(), Duration.ofNanos(System.nanoTime() - start).toMillis());

		assertServiceUnavailable(frozen, "/api/products/y");
	}

	private static void assertServiceUnavailable(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		JsonNode problem = Http.json(response);
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("title").asString()).isEqualTo("Service unavailable");
		assertThat(problem.path("service").asString()).isEqualTo("catalog-service");
		assertThat(problem.path("instance").asString()).isEqualTo(path);
	}

}
