package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One request id, from the client through the gateway into the service's log lines. */
class RequestIdSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@Test
	void theGatewayPassesTheRequestIdToTheServiceWhichLogsItOnItsLines() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		String requestId = "req-" + UUID.randomUUID();
		Map<String, String> headers = new HashMap<>(artisan.authorization());
		headers.put("X-Request-Id", requestId);

		HttpResponse<String> created = Http
			.postJson(
					marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName",
							"Samarkand Paper Mill", "craft", "silk paper", "city", "Samarkand", "country", "UZ")),
					headers);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().allValues("X-Request-Id")).containsExactly(requestId);
		String profileId = Http.json(created).path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					Files.readAllLines(marketplace.config().logDir().resolve(Stack.ARTISAN_SERVICE + ".log"))
						.stream()
						.filter((line) -> line.contains("Registered artisan profile " + profileId))
						.findFirst())
				.hasValueSatisfying((line) -> assertThat(line).contains("[" + requestId + "]")));
	}

}
