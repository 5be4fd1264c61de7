package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: two instances of every service behind a gateway that balances over them
 * (health checks, a read or a refused connection sent to the next instance). Orders
 * arrive at a steady rate while the first instance of order-service, then of
 * catalog-service, then of artisan-service is killed ({@code kill -9}), each 15 s after
 * the one before. A buyer whose placement got no answer sends it again with the same
 * {@code Idempotency-Key}, as the API asks. Every order must end CONFIRMED or REJECTED,
 * once per key, with no product sold beyond its stock. How long the rate of orders
 * reaching their final status took to come back after each kill is printed, not asserted
 * (this machine is shared and noisy).
 */
class ScaleOutSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final List<String> SERVICES = List.of(Stack.ORDER_SERVICE, Stack.CATALOG_SERVICE,
			Stack.ARTISAN_SERVICE);

	private static final int ORDERS_PER_SECOND = 4;

	private static final Duration BETWEEN_KILLS = Duration.ofSeconds(15);

	private static final int STOCK_PER_PRODUCT = 50;

	private static String gateway;

	@BeforeAll
	static void twoInstancesOfEachService() {
		gateway = marketplace.scaleOut(SERVICES);
	}

	@AfterAll
	static void oneInstanceOfEachAgain() {
		marketplace.scaleIn();
	}

	@Test
	void everyOrderIsFinalOnceAndNothingOversoldWhileAnInstanceOfEachServiceIsKilledInTurn() throws Exception {
		Instant begin = Instant.now();
		List<String> products = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			products.add(product("Two-Instance Workshop " + i));
		}
		List<Users.User> buyers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			buyers.add(Users.signUp(marketplace, "BUYER"));
		}

		ConcurrentLinkedQueue<Placement> placements = new ConcurrentLinkedQueue<>();
		AtomicInteger sent = new AtomicInteger();
		Map<String, Instant> kills = new LinkedHashMap<>();
		Instant loadStarted = Instant.now();
		try (ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
				ExecutorService buyersAtOnce = Executors.newVirtualThreadPerTaskExecutor()) {
			clock.scheduleAtFixedRate(() -> {
				int n = sent.getAndIncrement();
				Users.User buyer = buyers.get(n % buyers.size());
				String product = products.get(n % products.size());
				buyersAtOnce.submit(() -> placements.add(place(buyer, product)));
			}, 0, 1000 / ORDERS_PER_SECOND, TimeUnit.MILLISECONDS);
			Thread.sleep(BETWEEN_KILLS.toMillis() / 2);
			for (String service : SERVICES) {
				kills.put(service, Instant.now());
				marketplace.kill(service);
				Thread.sleep(BETWEEN_KILLS.toMillis());
			}
			clock.shutdown();
			assertThat(clock.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		}
		Instant loadStopped = Instant.now();

		// Each placement was answered with an order, and each key made one order.
		assertThat(placements).hasSize(sent.get());
		assertThat(placements)
			.allSatisfy((placement) -> assertThat(placement.orderId()).as(placement.toString()).isNotNull());
		Set<String> ids = new HashSet<>();
		placements.forEach((placement) -> ids.add(placement.orderId()));
		assertThat(ids).hasSize(placements.size());

		Instant loadAnswered = Instant.now();
		Map<String, JsonNode> finals = new HashMap<>();
		for (Placement placement : placements) {
			JsonNode order = await().atMost(Duration.ofSeconds(120))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> order(placement), (seen) -> !"PENDING".equals(seen.path("status").asString()));
			finals.put(placement.orderId(), order);
		}
		Map<String, Integer> outcomes = new TreeMap<>();
		finals.values().forEach((order) -> outcomes.merge(order.path("status").asString(), 1, Integer::sum));
		assertThat(outcomes).containsOnlyKeys("CONFIRMED", "REJECTED");

		// No more orders than placements in any buyer's list, and no product oversold.
		for (Users.User buyer : buyers) {
			long placedBy = placements.stream().filter((placement) -> placement.buyer() == buyer).count();
			JsonNode listed = Http.json(Http.get(gateway + "/api/orders?size=100", buyer.authorization()));
			assertThat(listed.path("totalItems").asLong()).as(buyer.email()).isEqualTo(placedBy);
		}
		for (String product : products) {
			long confirmed = placements.stream()
				.filter((placement) -> placement.product().equals(product))
				.filter((placement) -> "CONFIRMED".equals(finals.get(placement.orderId()).path("status").asString()))
				.count();
			int stock = Http.json(Http.get(gateway + "/api/products/" + product)).path("stock").asInt();
			assertThat(confirmed).as(product).isLessThanOrEqualTo(STOCK_PER_PRODUCT);
			assertThat(stock).as(product).isEqualTo(STOCK_PER_PRODUCT - confirmed);
		}

		report(placements, finals, kills, loadStarted, loadStopped, outcomes);
		System.out.printf("  setup %d s, load %d s, answers checked %d s, final statuses and stock checked %d s%n",
				Duration.between(begin, loadStarted).toSeconds(),
				Duration.between(loadStarted, loadStopped).toSeconds(),
				Duration.between(loadStopped, loadAnswered).toSeconds(),
				Duration.between(loadAnswered, Instant.now()).toSeconds());
	}

	/** Places an order, sending it again with the same key until it is answered. */
	private static Placement place(Users.User buyer, String product) {
		String key = UUID.randomUUID().toString();
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", key);
		String body = Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)),
				"shippingAddress", Map.of("fullName", "Dilnoza Karimova", "line1", "Registon 1", "city", "Samarkand",
						"postalCode", "140100", "country", "UZ")));
		Instant started = Instant.now();
		List<String> tries = new ArrayList<>();
		for (int attempt = 0; attempt < 40; attempt++) {
			try {
				HttpResponse<String> placed = Http.postJson(gateway + "/api/orders", body, headers);
				tries.add(String.valueOf(placed.statusCode()));
				if (placed.statusCode() == 201 || placed.statusCode() == 202) {
					return new Placement(buyer, product, key, Http.json(placed).path("id").asString(), started, tries);
				}
			}
			catch (RuntimeException ex) {
				tries.add(ex.getClass().getSimpleName());
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new Placement(buyer, product, key, null, started, tries);
	}

	private static JsonNode order(Placement placement) {
		return Http.json(Http.get(gateway + "/api/orders/" + placement.orderId(), placement.buyer().authorization()));
	}

	/**
	 * Prints, per second, the orders placed and the orders that reached their final
	 * status (by the server's timestamp), and for each kill how long until a 3 s window
	 * again held at least 80 % of the rate before the first kill.
	 */
	private static void report(ConcurrentLinkedQueue<Placement> placements, Map<String, JsonNode> finals,
			Map<String, Instant> kills, Instant loadStarted, Instant loadStopped, Map<String, Integer> outcomes) {
		int seconds = (int) Duration.between(loadStarted, loadStopped).toSeconds() + 1;
		int[] placedPerSecond = new int[seconds + 120];
		int[] finalPerSecond = new int[seconds + 120];
		int retried = 0;
		for (Placement placement : placements) {
			placedPerSecond[second(loadStarted, placement.started(), placedPerSecond.length)]++;
			JsonNode history = finals.get(placement.orderId()).path("statusHistory");
			Instant last = Instant.parse(history.get(history.size() - 1).path("at").asString());
			finalPerSecond[second(loadStarted, last, finalPerSecond.length)]++;
			retried += (placement.tries().size() > 1) ? 1 : 0;
		}
		Instant firstKill = kills.values().iterator().next();
		int before = (int) Duration.between(loadStarted, firstKill).toSeconds();
		double baseline = 0;
		for (int s = 2; s < before; s++) {
			baseline += finalPerSecond[s];
		}
		baseline /= Math.max(1, before - 2);
		StringBuilder out = new StringBuilder(String.format(
				"%nScale-out: %d orders at %d/s over two instances of each service, %s; %d placements sent again"
						+ " after no answer; final orders per second before the first kill: %.1f%n",
				placements.size(), ORDERS_PER_SECOND, outcomes, retried, baseline));
		for (Map.Entry<String, Instant> kill : kills.entrySet()) {
			int at = (int) Duration.between(loadStarted, kill.getValue()).toSeconds();
			Integer back = null;
			for (int s = at; s + 3 <= Math.min(finalPerSecond.length, at + BETWEEN_KILLS.toSeconds()); s++) {
				double window = (finalPerSecond[s] + finalPerSecond[s + 1] + finalPerSecond[s + 2]) / 3.0;
				if (window >= 0.8 * baseline) {
					back = s - at;
					break;
				}
			}
			out.append(String.format("  kill -9 %s at %d s: final-order rate back to 80 %% after %s%n", kill.getKey(),
					at, (back != null) ? back + " s" : "more than " + BETWEEN_KILLS.toSeconds() + " s"));
		}
		out.append("  second: placed/final:");
		for (int s = 0; s < seconds; s++) {
			out.append(' ').append(s).append(':').append(placedPerSecond[s]).append('/').append(finalPerSecond[s]);
		}
		System.out.println(out);
	}

	private static int second(Instant start, Instant at, int length) {
		return (int) Math.min(length - 1, Math.max(0, Duration.between(start, at).toSeconds()));
	}

	private static String product(String name) {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(gateway + "/api/artisans",
				Http.toJson(Map.of("displayName", name, "craft", "ceramics", "city", "Rishtan", "country", "UZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		HttpResponse<String> product = Http.postJson(gateway + "/api/products",
				Http.toJson(Map.of("title", name + " bowl", "category", "CERAMICS", "price",
						Map.of("amount", "30.00", "currency", "USD"), "stock", STOCK_PER_PRODUCT)),
				owner.authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
		return Http.json(product).path("id").asString();
	}

	record Placement(Users.User buyer, String product, String key, String orderId, Instant started,
			List<String> tries) {

	}

}
