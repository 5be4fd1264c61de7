package com.artisanmarket.demo;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * A large made-up catalogue for benchmarks ({@code ./marketplace seed --products N}):
 * synthetic artisans list products with generated titles, descriptions and prices through
 * the public API, in import files of up to {@value #ROWS_PER_FILE} rows (each maker lists
 * its own); then a few searches are timed.
 */
final class SyntheticCatalogue {

	/**
	 * Imports sent at once: two keep catalog-service busy (one is parsed while the other
	 * is written) without queueing behind each other.
	 */
	private static final int IMPORTS_IN_FLIGHT = 2;

	/** Rows per import file, within the import's limit of 5,000. */
	private static final int ROWS_PER_FILE = 2_500;

	/** How long the seed waits for the search index to catch up with the listings. */
	private static final Duration SEARCHABLE_WAIT = Duration.ofMinutes(30);

	private static final String[][] PLACES = { { "Guba", "AZ" }, { "Sheki", "AZ" }, { "Lahij", "AZ" },
			{ "Ganja", "AZ" }, { "Baku", "AZ" }, { "Shamakhi", "AZ" }, { "Samarkand", "UZ" }, { "Bukhara", "UZ" },
			{ "Rishtan", "UZ" }, { "Margilan", "UZ" }, { "Gijduvan", "UZ" }, { "Khiva", "UZ" }, { "Tashkent", "UZ" } };

	private static final Map<String, String[]> NOUNS = Map.of("CARPETS",
			new String[] { "carpet", "rug", "kilim", "runner", "prayer rug" }, "TEXTILES",
			new String[] { "suzani", "kelaghayi scarf", "ikat cushion", "table runner", "wall hanging" }, "CLOTHING",
			new String[] { "chapan", "embroidered cap", "silk dress", "vest", "shawl" }, "JEWELRY",
			new String[] { "silver ring", "earrings", "bracelet", "pendant", "necklace" }, "CERAMICS",
			new String[] { "plate", "bowl", "teapot", "vase", "lagan" }, "WOODWORK",
			new String[] { "carved box", "lattice panel", "rahla stand", "spoon set", "chest" }, "METALWORK",
			new String[] { "copper tray", "jug", "samovar", "lamp", "cezve" }, "PAPER",
			new String[] { "silk paper notebook", "sketchbook", "miniature", "card set", "journal" }, "OTHER",
			new String[] { "tar miniature", "felt doll", "leather bag", "tile", "ornament" });

	private static final String[] ADJECTIVES = { "Hand-knotted", "Indigo", "Pomegranate", "Madder-red", "Walnut",
			"Saffron", "Turquoise", "Hammered", "Carved", "Embroidered", "Gilded", "Tin-glazed", "Small", "Large",
			"Festive", "Everyday", "Old-style", "Striped", "Silk", "Wool" };

	private final HttpClient http;

	private final String gateway;

	private final String password;

	SyntheticCatalogue(HttpClient http, String gateway, String password) {
		this.http = http;
		this.gateway = gateway;
		this.password = password;
	}

	void run(int total) throws InterruptedException {
		String run = Long.toString(System.currentTimeMillis(), 36);
		int makers = Math.max(10, total / 2500);
		System.out.printf("Listing %,d synthetic products by %d synthetic artisans through %s ...%n", total, makers,
				this.gateway);
		List<Api> accounts = new ArrayList<>();
		for (int i = 0; i < makers; i++) {
			String[] place = PLACES[i % PLACES.length];
			Api maker = Api.signUp(this.http, this.gateway,
					"maker-" + run + "-" + i + "@synthetic.artisan-marketplace.local", this.password,
					"Workshop " + run + "-" + i, "ARTISAN");
			maker.post("/api/artisans", Api.body("displayName", "Workshop " + place[0] + " " + run + "-" + i, "craft",
					"Mixed crafts", "city", place[0], "country", place[1]), 201);
			accounts.add(maker);
		}
		Api anyone = Api.anonymous(this.http, this.gateway);
		long searchableBefore = searchable(anyone);
		Instant started = Instant.now();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Semaphore slots = new Semaphore(IMPORTS_IN_FLIGHT);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int maker = 0; maker < makers; maker++) {
				for (int first = maker; first < total; first += makers * ROWS_PER_FILE) {
					slots.acquire();
					Api account = accounts.get(maker);
					String csv = csv(first, Math.min(total, first + makers * ROWS_PER_FILE), makers, run);
					int rows = (int) csv.lines().count() - 1;
					threads.execute(() -> {
						try {
							JsonNode report = account.importProducts(csv);
							int listed = report.path("created").asInt() + report.path("unchanged").asInt();
							failed.addAndGet(report.path("rows").asInt() - listed);
							int finished = done.addAndGet(listed);
							long seconds = Math.max(1, Duration.between(started, Instant.now()).toSeconds());
							System.out.printf("  %,d listed (%,d/s)%n", finished, finished / seconds);
						}
						catch (RuntimeException ex) {
							if (failed.getAndAdd(rows) < 5 * ROWS_PER_FILE) {
								System.err.println("  an import of " + rows + " rows failed: " + ex.getMessage());
							}
						}
						finally {
							slots.release();
						}
					});
				}
			}
		}
		Duration took = Duration.between(started, Instant.now());
		System.out.printf("Listed %,d products in %d s (%,.0f/s), %d rows failed.%n", done.get(), took.toSeconds(),
				done.get() / Math.max(0.001, took.toMillis() / 1000.0), failed.get());
		awaitSearchable(anyone, searchableBefore, done.get(), started);
		for (String query : List.of("q=carpet", "q=silk&country=UZ", "category=CERAMICS&sort=price_asc",
				"q=" + URLEncoder.encode("walnut chest", StandardCharsets.UTF_8),
				"minPrice=100&maxPrice=200&inStock=true")) {
			Instant before = Instant.now();
			long found = anyone.get("/api/products?" + query + "&size=20").path("totalItems").asLong();
			System.out.printf("  search %-40s %,9d found in %,6d ms%n", query, found,
					Duration.between(before, Instant.now()).toMillis());
		}
	}

	/** The products the storefront finds now. */
	private static long searchable(Api anyone) {
		return anyone.get("/api/products?size=1").path("totalItems").asLong();
	}

	/**
	 * Waits until the search index holds what was listed: listing returns once MongoDB
	 * has the products, and the index follows from their events.
	 */
	private static void awaitSearchable(Api anyone, long before, long listed, Instant started)
			throws InterruptedException {
		long expected = before + listed;
		Instant giveUp = Instant.now().plus(SEARCHABLE_WAIT);
		Instant told = Instant.now();
		long found = searchable(anyone);
		while (found < expected && Instant.now().isBefore(giveUp)) {
			Thread.sleep(500);
			found = searchable(anyone);
			if (Duration.between(told, Instant.now()).toSeconds() >= 10) {
				System.out.printf("  %,d of %,d searchable%n", found, expected);
				told = Instant.now();
			}
		}
		Duration took = Duration.between(started, Instant.now());
		System.out.printf("%s %,d of them (%,d products in all) %d s after the first listing (%,.0f/s).%n",
				(found >= expected) ? "Searchable:" : "Gave up waiting; searchable:", found - before, found,
				took.toSeconds(), (found - before) / Math.max(0.001, took.toMillis() / 1000.0));
	}

	/**
	 * One maker's import file: products {@code from}, {@code from + makers}, ... below
	 * {@code to}, each keyed by its number so that a retried file lists nothing twice.
	 */
	private static String csv(int from, int to, int makers, String run) {
		StringBuilder csv = new StringBuilder("key,title,description,category,materials,tags,price,currency,stock\n");
		List<String> categories = List.copyOf(NOUNS.keySet());
		for (int n = from; n < to; n += makers) {
			Random random = new Random(n * 31L + run.hashCode());
			String category = categories.get(random.nextInt(categories.size()));
			String[] nouns = NOUNS.get(category);
			String noun = nouns[random.nextInt(nouns.length)];
			String[] place = PLACES[random.nextInt(PLACES.length)];
			String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun + " from " + place[0] + " No. "
					+ n;
			String description = "A " + noun + " made by hand in " + place[0] + ". Synthetic listing " + run + "-" + n
					+ " for load tests; every piece differs a little.";
			int cents = 500 + random.nextInt(150_000);
			csv.append(String.join(",", DemoSeeder.quoted("synthetic-" + n), DemoSeeder.quoted(title),
					DemoSeeder.quoted(description), category,
					DemoSeeder.quoted(String.join("|",
							List.of("wool", "silk", "copper", "clay", "walnut").subList(0, 1 + random.nextInt(3)))),
					DemoSeeder.quoted(noun.split(" ")[0] + "|" + place[0].toLowerCase(Locale.ROOT)),
					String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100), "USD",
					Integer.toString(random.nextInt(40))))
				.append('\n');
		}
		return csv.toString();
	}

}
