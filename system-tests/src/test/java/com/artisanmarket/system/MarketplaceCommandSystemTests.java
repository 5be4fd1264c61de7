package com.artisanmarket.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.testsupport.Http;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README command 1 as a newcomer runs it: {@code ./marketplace up}, {@code status},
 * {@code down}, {@code up} again and {@code up --fresh}, on ports and a data directory of
 * its own. With {@code --no-build}: the reactor has just packaged the jars, and a test
 * must not start a second build beside the one running it.
 */
class MarketplaceCommandSystemTests {

	@TempDir
	Path dataDir;

	private final Map<String, String> environment = new HashMap<>();

	@AfterEach
	void down() throws Exception {
		marketplace("down");
	}

	@Test
	void upStartsEveryPartDownStopsThemAllAndFreshStartsEmpty() throws Exception {
		int mongoPort = FreePorts.next();
		int gatewayPort = FreePorts.next();
		this.environment.putAll(Map.of("MARKETPLACE_DATA_DIR", this.dataDir.toString(), "MARKETPLACE_GATEWAY_PORT",
				Integer.toString(gatewayPort), "MARKETPLACE_ARTISAN_SERVICE_PORT", Integer.toString(FreePorts.next()),
				"MARKETPLACE_CATALOG_SERVICE_PORT", Integer.toString(FreePorts.next()),
				"MARKETPLACE_ORDER_SERVICE_PORT", Integer.toString(FreePorts.next()), "MARKETPLACE_KAFKA_PORT",
				Integer.toString(FreePorts.next()), "MARKETPLACE_KAFKA_CONTROLLER_PORT",
				Integer.toString(FreePorts.next()), "MARKETPLACE_MONGO_PORT", Integer.toString(mongoPort),
				"MARKETPLACE_IDENTITY_THROTTLE_REGISTRATIONS_PER_ADDRESS", "100000"));
		for (String part : List.of("GATEWAY", "ARTISAN_SERVICE", "CATALOG_SERVICE", "ORDER_SERVICE")) {
			this.environment.put("MARKETPLACE_" + part + "_MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
		}

		Result up = marketplace("up", "--no-build", "--no-demo");
		assertThat(up.exitCode()).as(up.output()).isZero();
		assertThat(up.output()).contains("Open http://127.0.0.1:" + gatewayPort + "/")
			.contains("admin: admin@artisan-marketplace.local, password in "
					+ this.dataDir.resolve("gateway/admin-password"));
		assertThat(ourProcesses()).hasSize(6);
		eachPartHasOnlyItsOwnSettings();
		eachSpringBootPartRunsAotProcessed();
		Result status = marketplace("status");
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(status.output().lines().filter((line) -> line.contains(" ready "))).hasSize(6);
		marker(mongoPort).insertOne(new Document("_id", "kept"));

		Result down = marketplace("down");
		assertThat(down.exitCode()).as(down.output()).isZero();
		assertThat(ourProcesses()).isEmpty();

		// Without --no-demo, a data directory's first start with the demo loads it.
		Result again = marketplace("up", "--no-build");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(marker(mongoPort).countDocuments()).as("data kept across down and up").isEqualTo(1);
		theDemoMarketplaceIsLoaded(again, "http://127.0.0.1:" + gatewayPort);

		Result fresh = marketplace("up", "--fresh", "--no-build", "--no-demo");
		assertThat(fresh.exitCode()).as(fresh.output()).isZero();
		assertThat(fresh.output()).contains("wiped " + this.dataDir);
		assertThat(ourProcesses()).hasSize(6);
		assertThat(marker(mongoPort).countDocuments()).as("nothing left after --fresh").isZero();
		assertThat(Http.json(Http.get("http://127.0.0.1:" + gatewayPort + "/api/products")).path("totalItems").asLong())
			.as("no demo left either")
			.isZero();

		marketplace("down");
		assertThat(ourProcesses()).isEmpty();
	}

	/**
	 * The first start of a data directory without {@code --no-demo} loads the demo
	 * through the API: the storefront lists it, the demo buyer's order confirms, the demo
	 * artisan has sales; and it is not loaded twice.
	 */
	private void theDemoMarketplaceIsLoaded(Result up, String gateway) throws Exception {
		assertThat(up.output()).contains("Demo data loaded").contains("buyer@demo.artisan-marketplace.local");
		JsonNode listed = Http.json(Http.get(gateway + "/api/products?inStock=true&size=50&sort=price_asc"));
		assertThat(listed.path("totalItems").asLong()).isGreaterThanOrEqualTo(150);
		assertThat(Http.get(gateway + "/").body()).contains("/ui/js/main.js");

		String buyer = signIn(gateway, "buyer@demo.artisan-marketplace.local");
		String product = listed.path("items").get(0).path("id").asString();
		Map<String, String> headers = Map.of("Authorization", "Bearer " + buyer, "Idempotency-Key",
				UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(gateway + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "shippingAddress",
						Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 41", "city", "Baku", "postalCode",
								"AZ1000", "country", "AZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String order = Http.json(placed).path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http
				.json(Http.get(gateway + "/api/orders/" + order, Map.of("Authorization", "Bearer " + buyer)))
				.path("status")
				.asString(), "CONFIRMED"::equals);

		JsonNode favourites = Http
			.json(Http.get(gateway + "/api/me/favourites", Map.of("Authorization", "Bearer " + buyer)));
		assertThat(favourites.path("products").path("totalItems").asLong()).as("the demo buyer's favourite pieces")
			.isEqualTo(3);
		assertThat(favourites.path("products").path("items").get(0).path("product").path("favouriteCount").asInt())
			.isPositive();
		assertThat(favourites.path("artisans").path("totalItems").asLong()).isEqualTo(1);

		String artisan = signIn(gateway, "aysel.mammadova@demo.artisan-marketplace.local");
		Map<String, String> asArtisan = Map.of("Authorization", "Bearer " + artisan);
		String artisanId = Http.json(Http.get(gateway + "/api/artisans/me", asArtisan)).path("id").asString();
		JsonNode stats = Http.json(Http.get(gateway + "/api/artisans/" + artisanId + "/stats", asArtisan));
		assertThat(stats.path("orders").asLong()).isPositive();
		assertThat(stats.path("deliveredOrders").asLong()).isPositive();
		assertThat(stats.path("monthly")).isNotEmpty();
		// The demo buyers reviewed what was delivered to them; the artisan's rating comes
		// through catalog-events.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(gateway + "/api/artisans/" + artisanId))
				.path("rating")
				.path("count")
				.asLong() > 0);
		JsonNode rated = Http.json(Http.get(gateway + "/api/products?minRating=1&sort=rating&size=100"));
		assertThat(rated.path("totalItems").asLong()).as("reviewed demo products").isGreaterThanOrEqualTo(20);
		assertThat(Http
			.json(Http.get(gateway + "/api/admin/reviews?status=REPORTED",
					Map.of("Authorization",
							"Bearer " + signIn(gateway, "admin@artisan-marketplace.local",
									Files.readString(this.dataDir.resolve("gateway/admin-password")).strip()))))
			.path("totalItems")
			.asLong()).as("one reported review").isEqualTo(1);

		// A dozen masterclasses, some nearly full; the demo buyer booked four of them,
		// and
		// the artisan's statistics count the seats of hers through catalog-events.
		JsonNode masterclasses = Http.json(Http.get(gateway + "/api/masterclasses?size=50"));
		assertThat(masterclasses.path("totalItems").asLong()).isEqualTo(12);
		assertThat(masterclasses.path("items").findValues("seatsLeft")).as("nearly full ones")
			.filteredOn((left) -> left.asInt() == 1)
			.hasSize(3);
		JsonNode bookings = Http.json(Http.get(gateway + "/api/bookings", Map.of("Authorization", "Bearer " + buyer)));
		List<String> statuses = new ArrayList<>();
		bookings.path("items").forEach((booking) -> statuses.add(booking.path("status").asString()));
		assertThat(statuses).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(gateway + "/api/artisans/" + artisanId + "/stats", asArtisan))
				.path("masterclasses")
				.path("seats")
				.asLong() == 2);

		long products = Http.json(Http.get(gateway + "/api/products?size=1")).path("totalItems").asLong();
		Result again = marketplace("seed");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("not loading it again");
		assertThat(Http.json(Http.get(gateway + "/api/products?size=1")).path("totalItems").asLong())
			.isEqualTo(products);
	}

	private static String signIn(String gateway, String email) {
		return signIn(gateway, email, "handmade-demo-2026");
	}

	private static String signIn(String gateway, String email, String password) {
		HttpResponse<String> login = Http.postJson(gateway + "/api/auth/login",
				Http.toJson(Map.of("email", email, "password", password)));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return Http.json(login).path("accessToken").asString();
	}

	@Test
	void upRefusesClearlyWhenAPortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			this.environment.putAll(Map.of("MARKETPLACE_DATA_DIR", this.dataDir.toString(), "MARKETPLACE_MONGO_PORT",
					Integer.toString(taken.getLocalPort()), "MARKETPLACE_KAFKA_PORT",
					Integer.toString(FreePorts.next()), "MARKETPLACE_KAFKA_CONTROLLER_PORT",
					Integer.toString(FreePorts.next())));

			Result up = marketplace("up", "--no-build");

			assertThat(up.exitCode()).isNotZero();
			assertThat(up.output()).contains("mongo port " + taken.getLocalPort() + " is already in use");
			assertThat(ourProcesses()).isEmpty();
		}
	}

	private MongoCollection<Document> marker(int mongoPort) {
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
		Runtime.getRuntime().addShutdownHook(new Thread(client::close));
		return client.getDatabase("command-test").getCollection("markers");
	}

	/**
	 * Issue 17, item 7: the launcher's settings reach only the parts that read them: the
	 * gateway's (its port, its sign-up throttle) only the gateway, the launcher's own
	 * (the data directory, the database's port) no part.
	 */
	private void eachPartHasOnlyItsOwnSettings() throws IOException {
		for (ProcessHandle part : ourProcesses()) {
			String arguments = String.join(" ", part.info().arguments().orElseThrow());
			Set<String> settings = Arrays
				.stream(Files.readString(Path.of("/proc/" + part.pid() + "/environ")).split("\0"))
				.map((variable) -> variable.substring(0, Math.max(0, variable.indexOf('='))))
				.filter((name) -> name.startsWith("MARKETPLACE_"))
				.collect(Collectors.toSet());
			assertThat(settings).as(arguments).doesNotContain("MARKETPLACE_DATA_DIR", "MARKETPLACE_MONGO_PORT");
			if (arguments.contains("-Dmarketplace.part=gateway ")) {
				assertThat(settings).contains(GATEWAY_ONLY);
			}
			else {
				assertThat(settings).as(arguments).doesNotContain(GATEWAY_ONLY);
			}
		}
	}

	/**
	 * The services and the gateway run from the bean definitions Spring AOT generated
	 * when they were built (the launcher's {@code spring.aot.enabled}); Spring Boot says
	 * so in its first line.
	 */
	private void eachSpringBootPartRunsAotProcessed() throws IOException {
		for (String part : List.of("artisan-service", "catalog-service", "order-service", "gateway")) {
			assertThat(Files.readString(this.dataDir.resolve("logs").resolve(part + ".log"))).as(part)
				.contains("Starting AOT-processed");
		}
	}

	private static final String[] GATEWAY_ONLY = { "MARKETPLACE_GATEWAY_PORT",
			"MARKETPLACE_IDENTITY_THROTTLE_REGISTRATIONS_PER_ADDRESS" };

	private List<ProcessHandle> ourProcesses() {
		String marker = "-Dmarketplace.home=" + this.dataDir + " ";
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.arguments()
				.map((arguments) -> String.join(" ", arguments) + " ")
				.orElse("")
				.contains(marker))
			.toList();
	}

	private Result marketplace(String... arguments) throws IOException, InterruptedException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		List<String> command = new ArrayList<>(List.of(root.resolve("marketplace").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		builder.environment().put("JAVA_HOME", javaHome());
		Process process = builder.start();
		process.getOutputStream().close();
		// The parts' output goes to their log files, so the pipe closes when the command
		// ends.
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		System.out.println("$ ./marketplace " + String.join(" ", arguments) + "\n" + text);
		return new Result(process.exitValue(), text);
	}

	private static String javaHome() {
		return Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();
	}

	record Result(int exitCode, String output) {

	}

}
