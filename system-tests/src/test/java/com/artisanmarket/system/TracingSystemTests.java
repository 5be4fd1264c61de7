package com.artisanmarket.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order, one trace: the W3C trace an order is placed under runs from the gateway
 * through order-service, over Kafka (in the records' traceparent headers, which the
 * outbox keeps) to catalog-service and back, and its id is in each part's log lines.
 */
class TracingSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@Test
	void anOrdersTraceIdIsInTheLogsOfTheGatewayOrderServiceAndCatalogService() {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/artisans", Http
				.toJson(Map.of("displayName", "Traced Weavers", "craft", "carpets", "city", "Guba", "country", "AZ")),
					owner.authorization())
			.statusCode()).isEqualTo(201);
		HttpResponse<String> product = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Traced rug", "category",
						"CARPETS", "price", Map.of("amount", "90.00", "currency", "USD"), "stock", 3)),
				owner.authorization());
		String productId = Http.json(product).path("id").asString();
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		Random random = new Random();
		String traceId = HexFormat.of().formatHex(bytes(random, 16));
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		headers.put("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(bytes(random, 8)) + "-01");

		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)), "shippingAddress",
						Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku", "postalCode",
								"AZ1000", "country", "AZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String orderId = Http.json(placed).path("id").asString();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(linesWith(Stack.GATEWAY, traceId)).anyMatch((line) -> line.contains("POST /api/orders -> 202"));
			assertThat(linesWith(Stack.ORDER_SERVICE, traceId)).anyMatch((line) -> line.contains(orderId + " placed"))
				.anyMatch((line) -> line.contains(orderId + " is now CONFIRMED"));
			assertThat(linesWith(Stack.CATALOG_SERVICE, traceId))
				.anyMatch((line) -> line.contains("Order " + orderId + ": stock reserved"));
		});
	}

	private static List<String> linesWith(String part, String traceId) {
		Path log = marketplace.config().dataDir().resolve("logs").resolve(part + ".log");
		try {
			return Files.readAllLines(log).stream().filter((line) -> line.contains(traceId)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(Random random, int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

}
