package com.artisanmarket.bench.load;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.artisanmarket.bench.setup.BenchData;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Buyers checking out one line each at a fixed arrival rate (open model): a signed-in
 * buyer of the pool places an order with a fresh {@code Idempotency-Key}, then follows it
 * as the order page does until it is no longer {@code PENDING}. What became of each
 * order, with the saga's time from the server's timestamps, is written to
 * {@link LoadSettings#outcome()} when the run ends ({@link CheckoutOutcome}).
 * <p>
 * The buyers' tokens come from the setup, which signed them in before the run: a shop's
 * buyers are signed in when they check out, and signing in (bcrypt) is not what this
 * measures.
 */
public class CheckoutSimulation extends BenchSimulation {

	private static final String ADDRESS = """
			"shippingAddress":{"fullName":"Bench Buyer","line1":"1 Load Street","city":"Baku",\
			"postalCode":"AZ1000","country":"AZ"}""";

	private final BenchData data = BenchData.read(this.settings.data());

	private final ConcurrentLinkedQueue<CheckoutOutcome.Order> orders = new ConcurrentLinkedQueue<>();

	private final Map<Integer, Integer> failedPlacements = new ConcurrentHashMap<>();

	private final AtomicInteger placements = new AtomicInteger();

	private final AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong lastSent = new AtomicLong();

	private final ScenarioBuilder checkout = scenario("checkout")
		.feed(listFeeder(records(this.data.buyers().stream().map(BenchData.Buyer::token).toList(), "token")).circular())
		.feed(listFeeder(records(this.data.productIds(), "productId")).random())
		.exec(this::noteSending)
		.exec(timed("POST /api/orders",
				(http) -> http.post("/api/orders")
					.header("Authorization", "Bearer #{token}")
					.header("Idempotency-Key", "#{idempotencyKey}")
					.body(StringBody((session) -> order(session.getString("productId"))))
					.asJson(),
				status().saveAs("placementStatus"), status().is(202), jmesPath("id").saveAs("orderId"),
				jmesPath("status").saveAs("status"), bodyString().saveAs("order")))
		.exec(this::notePlacementFailure)
		.exitHereIfFailed()
		.exec((session) -> session.set("followUntil", System.currentTimeMillis() + this.settings.settle().toMillis()))
		.exec(asLongAs(
				CheckoutSimulation::stillFollowing)
			.on(pause(this.settings.poll()).exec(timed("GET /api/orders/{id}",
					(http) -> http.get("/api/orders/#{orderId}").header("Authorization", "Bearer #{token}"),
					status().is(200), jmesPath("status").saveAs("polledStatus"), bodyString().saveAs("polledOrder")))
				.exec(CheckoutSimulation::takeGoodPoll)))
		.exec(this::noteOutcome);

	{
		setUp(this.checkout.injectOpen(constantUsersPerSec(this.settings.rate()).during(this.settings.duration())))
			.protocols(protocol());
	}

	@Override
	public void after() {
		super.after();
		double cpu = ProcessHandle.current()
			.info()
			.totalCpuDuration()
			.map((total) -> total.toMillis() / 1000.0)
			.orElse(Double.NaN);
		new CheckoutOutcome(List.copyOf(this.orders), Map.copyOf(this.failedPlacements), this.placements.get(),
				this.firstSent.get(), this.lastSent.get(), cpu)
			.write(this.settings.outcome());
	}

	private static String order(String productId) {
		return "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]," + ADDRESS + "}";
	}

	private static boolean stillFollowing(Session session) {
		return "PENDING".equals(session.getString("status"))
				&& System.currentTimeMillis() < session.getLong("followUntil");
	}

	/**
	 * Keeps what a poll saw only when it was a good answer: Gatling still applies the
	 * later checks of a failed request, and a 503's problem body has a {@code status} of
	 * its own.
	 */
	private static Session takeGoodPoll(Session session) {
		if (session.isFailed()) {
			return session;
		}
		return session.set("status", session.getString("polledStatus")).set("order", session.getString("polledOrder"));
	}

	private Session noteSending(Session session) {
		long now = System.currentTimeMillis();
		this.placements.incrementAndGet();
		this.firstSent.accumulateAndGet(now, Math::min);
		this.lastSent.accumulateAndGet(now, Math::max);
		return session.set("idempotencyKey", UUID.randomUUID().toString()).set("sentAt", now);
	}

	private Session notePlacementFailure(Session session) {
		if (session.isFailed()) {
			Integer status = session.getIntegerWrapper("placementStatus");
			this.failedPlacements.merge((status != null) ? status : 0, 1, Integer::sum);
		}
		return session;
	}

	private Session noteOutcome(Session session) {
		this.orders.add(CheckoutOutcome.Order.of(session.getLong("sentAt"), session.getString("order")));
		return session;
	}

	private static List<Map<String, Object>> records(List<String> values, String key) {
		return values.stream().map((value) -> Map.<String, Object>of(key, value)).toList();
	}

}
