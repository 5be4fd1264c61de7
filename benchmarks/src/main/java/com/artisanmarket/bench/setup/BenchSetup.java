package com.artisanmarket.bench.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/**
 * Prepares what a benchmark run needs through the public API, as people would: a bench
 * workshop (an artisan the admin verified) with a handful of products whose stock covers
 * every order of a run, and a pool of buyers who are signed in before the load starts, so
 * that checkout measures ordering and not bcrypt.
 * <p>
 * Running it again against the same marketplace finds the workshop, its profile and the
 * products it made before (by their fixed names) and only tops the stock up. Buyers are
 * new for each run: a buyer's orders that are not over yet are one document that each of
 * their placements rewrites, and the bench never delivers, so a pool reused across runs
 * made every run's orders slower than the last (73 KB rewritten per placement after a
 * morning of runs). The bench accounts' password is generated once per data directory,
 * like the admin's.
 */
public final class BenchSetup {

	static final String DOMAIN = "bench.artisan-marketplace.local";

	static final String ARTISAN_EMAIL = "workshop@" + DOMAIN;

	static final String PRODUCT_TITLE = "Benchmark piece ";

	/** The catalogue's upper bound for one product's stock. */
	static final int FULL_STOCK = 100_000;

	private static final int TOP_UP_BELOW = FULL_STOCK / 2;

	private static final List<String> CATEGORIES = List.of("CARPETS", "CERAMICS", "TEXTILES", "JEWELRY", "METALWORK",
			"WOODWORK");

	private static final int PRODUCTS = 12;

	private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(1);

	private static final Duration QUICK = Duration.ofSeconds(1);

	private static final int LISTENERS_PER_ADDRESS = 50;

	private final Api anonymous;

	private final String gateway;

	private final Path dataDir;

	private final PrintStream out;

	public BenchSetup(HttpClient http, String gateway, Path dataDir, PrintStream out) {
		this.anonymous = new Api(http, gateway, null);
		this.gateway = gateway;
		this.dataDir = dataDir;
		this.out = out;
	}

	/**
	 * Makes or finds the bench workshop and its products, and signs up a pool of buyers
	 * for this run.
	 * @param buyers how many buyers the pool holds
	 * @return what the simulations need
	 */
	public BenchData prepare(int buyers) {
		String password = benchPassword();
		Api admin = this.anonymous.as(adminToken());
		Api workshop = this.anonymous
			.as(this.anonymous.signUp(ARTISAN_EMAIL, password, "Benchmark workshop", "ARTISAN"));
		String artisanId = verifiedProfile(workshop, admin);
		List<String> products = stockedProducts(workshop, artisanId);
		this.out.printf("Setup: bench workshop %s with %d products (stock topped up to %,d each)%n", artisanId,
				products.size(), FULL_STOCK);
		BenchData data = new BenchData(artisanId, products, CATEGORIES, List.of());
		String run = Long.toString(Instant.now().toEpochMilli(), Character.MAX_RADIX);
		List<String> emails = IntStream.rangeClosed(1, buyers)
			.mapToObj((i) -> "buyer-" + run + "-" + i + "@" + DOMAIN)
			.toList();
		return data.withBuyers(signIn(emails, true));
	}

	/**
	 * Places orders one at a time until the order path answers quickly three times in a
	 * row (or a minute has passed). On a marketplace that has just started, the first
	 * orders meet cold JVMs, connection pools and caches, and on a busy machine can take
	 * longer than the gateway's time limit (503); that is a start-up cost, not the rate
	 * being measured. A 503 is retried with the same idempotency key, as the storefront
	 * does.
	 * @param data what {@link #prepare} answered
	 */
	public void warmUpOrdering(BenchData data) {
		Api buyer = this.anonymous.as(data.buyers().getFirst().token());
		Map<String, Object> order = Map.of("items",
				List.of(Map.of("productId", data.productIds().getFirst(), "quantity", 1)), "shippingAddress",
				Map.of("fullName", "Bench Buyer", "line1", "1 Load Street", "city", "Baku", "postalCode", "AZ1000",
						"country", "AZ"));
		Instant deadline = Instant.now().plus(WARM_UP_LIMIT);
		int quickInARow = 0;
		int placed = 0;
		long millis = 0;
		while (quickInARow < 3 && Instant.now().isBefore(deadline)) {
			long started = System.nanoTime();
			Api.Response answer = buyer.send("POST", "/api/orders", order,
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			millis = (System.nanoTime() - started) / 1_000_000;
			if (answer.status() >= 500) {
				quickInARow = 0;
				continue;
			}
			answer.expect(202);
			placed++;
			quickInARow = (millis < QUICK.toMillis()) ? quickInARow + 1 : 0;
		}
		this.out.printf("Setup: %d warm-up orders placed one at a time, the last answered in %d ms%n", placed, millis);
	}

	/**
	 * Signs the pool's buyers in again, for fresh tokens (they live for minutes).
	 * @param data what {@link #prepare} answered
	 * @return the same data with new tokens
	 */
	public BenchData refreshTokens(BenchData data) {
		return data.withBuyers(signIn(data.buyers().stream().map(BenchData.Buyer::email).toList(), false));
	}

	private String verifiedProfile(Api workshop, Api admin) {
		Api.Response me = workshop.send("GET", "/api/artisans/me", null);
		if (me.status() == 404) {
			Api.Response created = workshop.send("POST", "/api/artisans",
					Map.of("displayName", "Benchmark workshop", "craft", "Load testing", "story",
							"Made by ./marketplace bench to measure the marketplace; not a real shop.", "city", "Baku",
							"country", "AZ", "languages", List.of("en"), "links", List.of()));
			// 409: an earlier attempt of this call made it after all.
			me = (created.status() == 409) ? workshop.send("GET", "/api/artisans/me", null) : created;
		}
		JsonNode profile = (me.status() == 201) ? me.body() : me.expect(200);
		String id = profile.path("id").asString();
		if (!"VERIFIED".equals(profile.path("status").asString())) {
			admin
				.send("PUT", "/api/artisans/" + id + "/verification",
						Map.of("status", "VERIFIED", "note", "Benchmark workshop of ./marketplace bench"))
				.expect(200);
		}
		return id;
	}

	/** Signs the admin in, for calls only the admin may make. */
	public String adminToken() {
		return this.anonymous.signIn(adminEmail(), adminPassword());
	}

	private List<String> stockedProducts(Api workshop, String artisanId) {
		Map<String, JsonNode> existing = new HashMap<>();
		for (JsonNode product : this.anonymous.get("/api/products?size=100&artisanId=" + artisanId).path("items")) {
			existing.putIfAbsent(product.path("title").asString(), product);
		}
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= PRODUCTS; i++) {
			String title = PRODUCT_TITLE + i;
			JsonNode product = existing.get(title);
			if (product == null) {
				product = workshop
					.send("POST", "/api/products", newProduct(title, CATEGORIES.get(i % CATEGORIES.size())))
					.expect(201);
			}
			String id = product.path("id").asString();
			if (product.path("stock").asInt() < TOP_UP_BELOW) {
				workshop.send("PATCH", "/api/products/" + id + "/stock", Map.of("stock", FULL_STOCK)).expect(200);
			}
			ids.add(id);
		}
		return ids;
	}

	private static Map<String, Object> newProduct(String title, String category) {
		return Map.of("title", title, "description",
				"Listed by ./marketplace bench so that orders under load never run out of stock.", "category", category,
				"materials", List.of("wool"), "tags", List.of("benchmark"), "price",
				Map.of("amount", "12.50", "currency", "USD"), "stock", FULL_STOCK, "images", List.of());
	}

	/**
	 * Signs in accounts that only listen to their live events: the same ones in every run
	 * against a data directory (signed up the first time). Each fifty of them sign up and
	 * in from a loopback address of their own (127.0.0.10, .11, …), as thousands of
	 * viewers come from many addresses: the gateway lets one address sign up a hundred
	 * accounts an hour.
	 * @param accounts how many
	 * @return their access tokens
	 */
	public List<String> listenerTokens(int accounts) {
		String password = benchPassword();
		Map<Integer, Api> byAddress = new HashMap<>();
		List<Callable<String>> signIns = new ArrayList<>();
		for (int i = 0; i < accounts; i++) {
			Api api = byAddress.computeIfAbsent(i / LISTENERS_PER_ADDRESS, this::fromLoopbackAddress);
			String name = "listener-" + (i + 1);
			signIns.add(() -> api.signInOrUp(name + "@" + DOMAIN, password, "Bench " + name, "BUYER"));
		}
		return inParallel(signIns);
	}

	private Api fromLoopbackAddress(int index) {
		try {
			InetAddress address = InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) (10 + index) });
			return new Api(HttpClient.newBuilder().localAddress(address).connectTimeout(QUICK.multipliedBy(5)).build(),
					this.gateway, null);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<BenchData.Buyer> signIn(List<String> emails, boolean signUp) {
		String password = benchPassword();
		List<Callable<BenchData.Buyer>> signIns = new ArrayList<>();
		for (String email : emails) {
			String name = "Bench buyer " + email.substring(0, email.indexOf('@'));
			signIns.add(() -> new BenchData.Buyer(email, signUp ? this.anonymous.signUp(email, password, name, "BUYER")
					: this.anonymous.signIn(email, password)));
		}
		return inParallel(signIns);
	}

	private static <T> List<T> inParallel(List<Callable<T>> signIns) {
		// The gateway hashes with bcrypt: a few at a time keep it busy without queueing.
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<T>> answers = new ArrayList<>();
			for (Callable<T> signIn : signIns) {
				answers.add(pool.submit(signIn));
			}
			List<T> signedIn = new ArrayList<>();
			for (Future<T> answer : answers) {
				signedIn.add(answer.get());
			}
			return signedIn;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String adminEmail() {
		String email = System.getenv("MARKETPLACE_ADMIN_EMAIL");
		return (email == null || email.isBlank()) ? "admin@artisan-marketplace.local" : email;
	}

	/**
	 * As the launcher and demo-data find it: the environment first, then the generated
	 * file.
	 */
	private String adminPassword() {
		String password = System.getenv("MARKETPLACE_ADMIN_PASSWORD");
		if (password != null && !password.isBlank()) {
			return password;
		}
		Path file = this.dataDir.resolve("gateway").resolve("admin-password");
		try {
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no admin password: MARKETPLACE_ADMIN_PASSWORD is unset and " + file
					+ " cannot be read (is MARKETPLACE_DATA_DIR the running marketplace's?)", ex);
		}
	}

	/**
	 * One random password for the bench accounts of this data directory, kept owner-only.
	 */
	private String benchPassword() {
		Path file = this.dataDir.resolve("bench").resolve("password");
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String password = "bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(file.getParent());
			Files.writeString(file, password + "\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
