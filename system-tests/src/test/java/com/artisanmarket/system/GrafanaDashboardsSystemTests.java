package com.artisanmarket.system;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboards kept in {@code ops/grafana/dashboards} parse, and every metric
 * they query is exported by some part of the running marketplace.
 */
class GrafanaDashboardsSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final Path DASHBOARDS = Path.of("..", "ops", "grafana", "dashboards");

	/** Our metric families; PromQL's functions and labels never start like this. */
	private static final Pattern METRIC = Pattern
		.compile("\\b((?:marketplace|http_server|http_client|jvm|process|spring_kafka|resilience4j)_[a-z0-9_]+)");

	@Test
	void everyMetricTheDashboardsQueryIsExported() throws IOException {
		Set<String> queried = new TreeSet<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(DASHBOARDS)) {
			files = listing.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("kafka-flow.json", "orders.json", "services.json");
		for (Path file : files) {
			JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
			assertThat(dashboard.path("uid").asString()).as(file.toString()).isNotBlank();
			assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
			for (JsonNode panel : dashboard.path("panels")) {
				assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("prometheus");
				for (JsonNode target : panel.path("targets")) {
					Matcher matcher = METRIC.matcher(target.path("expr").asString());
					while (matcher.find()) {
						queried.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(queried).hasSizeGreaterThan(10);

		placeAConfirmedOrder();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String exported = exported();
			assertThat(queried).allSatisfy((metric) -> assertThat(exported).as(metric).contains("\n" + metric));
		});
	}

	private static String exported() {
		StringBuilder all = new StringBuilder();
		for (String part : List.of(Stack.GATEWAY, Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE)) {
			HttpResponse<String> metrics = Http.get(marketplace.managementUrl(part) + "/actuator/prometheus");
			assertThat(metrics.statusCode()).as(part).isEqualTo(200);
			all.append('\n').append(metrics.body());
		}
		return all.toString();
	}

	private static void placeAConfirmedOrder() {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		Http.postJson(marketplace.gatewayUrl() + "/api/artisans", Http.toJson(
				Map.of("displayName", "Dashboard Potters", "craft", "ceramics", "city", "Rishtan", "country", "UZ")),
				owner.authorization());
		String product = Http
			.json(Http.postJson(marketplace.gatewayUrl() + "/api/products",
					Http.toJson(Map.of("title", "Dashboard bowl", "category", "CERAMICS", "price",
							Map.of("amount", "25.00", "currency", "USD"), "stock", 2)),
					owner.authorization()))
			.path("id")
			.asString();
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		String order = Http
			.json(Http
				.postJson(marketplace.gatewayUrl() + "/api/orders",
						Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)),
								"shippingAddress", Map.of("fullName", "Aziz Karimov", "line1", "Registan 1", "city",
										"Samarkand", "postalCode", "140100", "country", "UZ"))),
						headers))
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + order, buyer.authorization()))
				.path("status")
				.asString(), "CONFIRMED"::equals);
	}

}
