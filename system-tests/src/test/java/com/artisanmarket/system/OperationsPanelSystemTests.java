package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's operations panel and the metrics behind it, against the whole marketplace:
 * every part reported with its figures, a stopped service reported down within seconds, a
 * poison record counted as a dead letter.
 */
class OperationsPanelSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void catalogRunsAgain() {
		if (!marketplace.isRunning(Stack.CATALOG_SERVICE)) {
			marketplace.start(Stack.CATALOG_SERVICE);
		}
	}

	@Test
	void reportsEveryPartWithItsFiguresToAdminsOnly() {
		Users.User admin = Users.admin(marketplace);

		JsonNode overview = await().atMost(Duration.ofSeconds(30))
			.until(() -> operations(admin), (answer) -> statuses(answer).values().stream().allMatch("UP"::equals));

		assertThat(statuses(overview)).containsOnlyKeys("gateway", "artisan-service", "catalog-service",
				"order-service", "kafka", "mongo");
		for (JsonNode part : overview.path("parts")) {
			if (part.path("name").asString().endsWith("-service")) {
				assertThat(part.path("version").asString()).as(part.toString()).isEqualTo("0.1.0-SNAPSHOT");
				assertThat(part.path("uptimeSeconds").asLong()).isPositive();
				assertThat(part.path("outbox").path("documents").isNumber()).as(part.toString()).isTrue();
				assertThat(part.path("consumerLag").isArray()).as(part.toString()).isTrue();
				assertThat(part.path("deadLetters").isObject()).as(part.toString()).isTrue();
			}
		}
		JsonNode orders = part(overview, "order-service");
		assertThat(orders.path("circuitBreakers").path("catalog-service").asString()).isEqualTo("CLOSED");
		assertThat(overview.path("saga").path("byStatus").has("CONFIRMED")).isTrue();
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		assertThat(Http.get(marketplace.gatewayUrl() + "/api/admin/operations", buyer.authorization()).statusCode())
			.isEqualTo(403);
		assertThat(Http.get(marketplace.gatewayUrl() + "/api/admin/operations").statusCode()).isEqualTo(401);
	}

	@Test
	void reportsAStoppedServiceDownWithinSeconds() {
		Users.User admin = Users.admin(marketplace);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> statuses(operations(admin)).get("catalog-service"), "UP"::equals);

		marketplace.stop(Stack.CATALOG_SERVICE);
		Instant stopped = Instant.now();
		JsonNode down = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> operations(admin), (answer) -> "DOWN".equals(statuses(answer).get("catalog-service")));
		System.out.printf("catalog-service reported DOWN %d ms after it stopped%n",
				Duration.between(stopped, Instant.now()).toMillis());

		assertThat(part(down, "catalog-service").path("error").asString()).isNotBlank();
		assertThat(statuses(down)).containsEntry("order-service", "UP").containsEntry("gateway", "UP");
	}

	@Test
	void countsAPoisonRecordAsADeadLetterOfEachOfItsConsumers() throws Exception {
		Users.User admin = Users.admin(marketplace);
		long before = await().atMost(Duration.ofSeconds(30))
			.until(() -> deadLetters(operations(admin), "order-service", "catalog-events-dlt"), (n) -> n >= 0);

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, marketplace.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("catalog-events", "poison-" + UUID.randomUUID(), "{not an event")).get();
		}

		// Two consumers read catalog-events (order-service's saga and artisan-service's
		// ratings): each refuses the record and dead-letters it, into the one topic.
		long consumers = 2;
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> deadLetters(operations(admin), "order-service", "catalog-events-dlt"),
					(n) -> n == before + consumers);
		String metrics = Http.get(marketplace.managementUrl(Stack.ORDER_SERVICE) + "/actuator/prometheus").body();
		assertThat(metrics)
			.contains("marketplace_dead_letters{application=\"order-service\",topic=\"catalog-events-dlt\"} "
					+ (before + consumers) + ".0");
		// The same topic, counted the same in its other consumer's row (each service's
		// snapshot is kept for two seconds, so its figure may lag the first one).
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> deadLetters(operations(admin), "artisan-service", "catalog-events-dlt"),
					(n) -> n == before + consumers);
	}

	@Test
	void thePanelShowsAPartGoingDownWithoutAReload() {
		Users.User admin = Users.admin(marketplace);
		try (Browser browser = new Browser(marketplace.gatewayUrl())) {
			browser.open("/signin?next=/admin");
			browser.fill("#signin-email", admin.email());
			browser.fill("#signin-password", admin.password());
			browser.find("#sign-in").click();
			browser.waitUntil((driver) -> browser.heading().equals("Marketplace administration"));
			for (String part : List.of("gateway", "artisan-service", "catalog-service", "order-service", "kafka",
					"mongo")) {
				browser.find("tr[data-part='" + part + "'][data-status='UP']");
			}
			browser.find("#saga-funnel");
			browser.waitUntil((driver) -> !driver
				.findElements(By.cssSelector("#dead-letters #no-dead-letters, #dead-letters .dead-letter-service"))
				.isEmpty());
			browser.shoot("admin-operations");
			browser.script("window.sameDocument = 'still here'");

			marketplace.stop(Stack.CATALOG_SERVICE);

			browser.waitUntil(Duration.ofSeconds(20),
					(driver) -> !driver
						.findElements(By.cssSelector("tr[data-part='catalog-service'][data-status='DOWN']"))
						.isEmpty());
			assertThat(browser.script("return window.sameDocument")).isEqualTo("still here");
			assertThat(browser.find("tr[data-part='order-service']").getDomAttribute("data-status")).isEqualTo("UP");
			browser.shoot("admin-operations-part-down");
		}
	}

	@Test
	void exportsTheSagaOutboxLagAndBusinessMetrics() {
		String orders = Http.get(marketplace.managementUrl(Stack.ORDER_SERVICE) + "/actuator/prometheus").body();
		String catalog = Http.get(marketplace.managementUrl(Stack.CATALOG_SERVICE) + "/actuator/prometheus").body();

		assertThat(orders).contains(
				"marketplace_saga_seconds_count{application=\"order-service\",outcome=\"confirmed\"}",
				"marketplace_orders_placed_total", "marketplace_outbox_backlog{application=\"order-service\"}",
				"marketplace_outbox_oldest_age_seconds",
				"marketplace_consumer_lag{application=\"order-service\",topic=\"catalog-events\"}",
				"resilience4j_circuitbreaker_state{application=\"order-service\",name=\"catalog-service\",state=\"open\"}");
		assertThat(catalog).contains("marketplace_listings_new_total",
				"marketplace_consumer_lag{application=\"catalog-service\"");
	}

	private static JsonNode operations(Users.User admin) {
		HttpResponse<String> response = Http.get(marketplace.gatewayUrl() + "/api/admin/operations",
				admin.authorization());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static Map<String, String> statuses(JsonNode overview) {
		Map<String, String> statuses = new LinkedHashMap<>();
		overview.path("parts")
			.forEach((part) -> statuses.put(part.path("name").asString(), part.path("status").asString()));
		return statuses;
	}

	private static JsonNode part(JsonNode overview, String name) {
		List<JsonNode> found = new ArrayList<>();
		overview.path("parts").forEach((part) -> {
			if (name.equals(part.path("name").asString())) {
				found.add(part);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static long deadLetters(JsonNode overview, String service, String topic) {
		JsonNode count = part(overview, service).path("deadLetters").path(topic);
		return count.isNumber() ? count.asLong() : -1;
	}

}
