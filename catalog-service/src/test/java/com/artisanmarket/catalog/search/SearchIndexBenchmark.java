package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.product.Category;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.catalog.search.ListingQuery.Order;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.Money;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index on its own, without MongoDB, the service or HTTP: how long a catalogue
 * of N made-up products takes to index, how large it is on disk, and how long listings,
 * searches and completions take in one thread, both when their counts are cached and
 * right after a change (the first search of a new index version counts again), side by
 * side: keeping the counts of the segments the change left alone, and counting every
 * segment again. It answers what the embedded database cannot hold: the index at a
 * million products.
 * <p>
 * Not part of the test suite (Surefire runs {@code *Tests}); it prints numbers and
 * asserts only that the searches found something. Run it with:
 *
 * <pre>
 * ./mvnw -o -pl catalog-service -am test -Dtest=SearchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DenableAssertions=false -Dbench.products=1000000
 * </pre>
 *
 * Surefire enables Java assertions by default, and Lucene's check its own invariants on
 * the hot path (sorted postings on every skip, among others): with them on, a profile put
 * most of a relevance search's time in those checks, and searches at a million products
 * took four times as long as in the service, which runs without them. So the benchmark
 * refuses to run with assertions on.
 */
class SearchIndexBenchmark {

	private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 400);

	private static final int CHANGED_RUNS = Integer.getInteger("bench.changedRuns", 60);

	/** Runs only the searches whose name begins so (for a profile of one). */
	private static final String ONLY = System.getProperty("bench.only", "");

	private static final String[] COUNTRIES = { "AZ", "UZ", "TR", "GE", "KZ", "KG", "TJ", "TM" };

	private static final String[] PLACES = { "Quba", "Shaki", "Bukhara", "Samarkand", "Rishton", "Margilan", "Khiva",
			"Ganja", "Tbilisi", "Konya", "Osh", "Khujand" };

	private static final String[][] WORDS = { { "carpet", "kilim", "rug", "prayer rug", "runner", "saddle bag" },
			{ "suzani", "ikat scarf", "table cloth", "embroidered pillow", "wall hanging", "shawl" },
			{ "chapan", "silk robe", "felt vest", "embroidered cap", "kaftan", "dress" },
			{ "silver ring", "bracelet", "earrings", "necklace", "amulet", "brooch" },
			{ "lagan bowl", "tea set", "ceramic dish", "jug", "vase", "plate" },
			{ "carved box", "chess set", "spoon", "lauh stand", "cutting board", "frame" },
			{ "copper tray", "knife", "lantern", "teapot", "bell", "coffee pot" },
			{ "miniature painting", "notebook", "calligraphy", "paper lantern", "card", "print" },
			{ "gift set", "ornament", "toy", "doll", "keychain", "magnet" } };

	private static final String[] ADJECTIVES = { "hand-knotted", "small", "large", "antique-style", "blue", "red",
			"pomegranate", "silk", "wool", "cotton", "glazed", "hand-painted", "carved", "felted", "embroidered",
			"vintage", "gold-thread", "walnut" };

	private static final String[] CRAFTS = { "carpet weaving", "silk embroidery", "tailoring", "silversmithing",
			"ceramics", "wood carving", "metalwork", "miniature painting", "crafts" };

	@Test
	void indexesAndSearchesACatalogue() throws IOException {
		assertThat(IndexSearcher.class.desiredAssertionStatus())
			.as("Lucene's assertions are on; run with -DenableAssertions=false to measure what the service does")
			.isFalse();
		Path directory = Files.createTempDirectory("search-bench");
		int makers = Math.max(10, PRODUCTS / 50);
		System.out.printf(Locale.ROOT, "%nSearch index benchmark: %,d products of %,d makers, in %s%n", PRODUCTS,
				makers, directory);
		try (ProductIndex index = new ProductIndex(directory, Duration.ofSeconds(1),
				new ProductDocuments(JsonMapper.builder().build()))) {
			long started = System.nanoTime();
			long indexed = index.rebuild(IntStream.range(0, makers).mapToObj(SearchIndexBenchmark::maker),
					products(makers));
			index.commit(Map.of());
			index.refresh();
			double seconds = (System.nanoTime() - started) / 1e9;
			System.gc();
			long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
			System.out.printf(Locale.ROOT, "indexed %,d in %.1f s (%,.0f/s); on disk %,d MB; heap in use %,d MB%n",
					indexed, seconds, indexed / seconds, size(directory) / (1 << 20), heap / (1 << 20));

			ProductListings listings = new ProductListings(index);
			List<Named> searches = List.of(new Named("home (newest)", listing(null, null, null, Order.NEWEST, 0)),
					new Named("page 50", listing(null, null, null, Order.NEWEST, 49 * 20)),
					new Named("q=carpet", listing("carpet", null, null, Order.RELEVANCE, 0)),
					new Named("q=silk&country=UZ", listing("silk", null, "UZ", Order.RELEVANCE, 0)),
					new Named("category=CERAMICS&sort=price_asc", listing(null, "CERAMICS", null, Order.PRICE_ASC, 0)),
					new Named("q=suzanni (typo)", listing("suzanni", null, null, Order.RELEVANCE, 0)));
			System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s | %-32s%n", "search (20 a page)", "p50 ms", "p99 ms",
					"max ms", "after a change, p50/p99: kept | all");
			SplittableRandom random = new SplittableRandom(7);
			for (Named search : searches) {
				if (!ONLY.isEmpty() && !search.name().startsWith(ONLY)) {
					continue;
				}
				assertThat(listings.find(search.query()).items()).as(search.name()).isNotEmpty();
				double[] warm = time(RUNS, () -> listings.find(search.query()));
				// Side by side after each change: the listings that keep every unchanged
				// segment's counts, and new listings that count every segment again (as
				// before segment counts were kept).
				double[][] changed = timeBoth(CHANGED_RUNS, () -> {
					index.put(product(random.nextInt(PRODUCTS), makers, random));
					index.refresh();
				}, () -> listings.find(search.query()), () -> new ProductListings(index).find(search.query()));
				System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f | %7.2f / %-7.2f | %7.2f / %.2f%n",
						search.name(), percentile(warm, 50), percentile(warm, 99), warm[warm.length - 1],
						percentile(changed[0], 50), percentile(changed[0], 99), percentile(changed[1], 50),
						percentile(changed[1], 99));
			}
			for (String typed : List.of("su", "car", "ceramic t", "bukh")) {
				assertThat(listings.suggest(typed)).as(typed).isNotEmpty();
				double[] suggest = time(RUNS, () -> listings.suggest(typed));
				System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f%n", "suggest " + typed, percentile(suggest, 50),
						percentile(suggest, 99), suggest[suggest.length - 1]);
			}
		}
		finally {
			if (!Boolean.getBoolean("bench.keep")) {
				FileSystemUtils.deleteRecursively(directory);
			}
		}
	}

	private static Stream<Product> products(int makers) {
		SplittableRandom random = new SplittableRandom(42);
		return IntStream.range(0, PRODUCTS).mapToObj((i) -> product(i, makers, random));
	}

	private static Product product(int i, int makers, SplittableRandom random) {
		int maker = random.nextInt(makers);
		int category = maker % WORDS.length;
		String[] things = WORDS[category];
		String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + things[random.nextInt(things.length)]
				+ " from " + PLACES[maker % PLACES.length];
		Money price = new Money(BigDecimal.valueOf(500 + random.nextInt(200_000), 2), "USD");
		// Listed over three years, roughly in the order they were indexed.
		Instant created = Instant.parse("2024-01-01T00:00:00Z")
			.plusSeconds((long) i * (3L * 365 * 24 * 3600) / PRODUCTS + random.nextInt(3600));
		return new Product("product-" + i, "maker-" + maker, "owner-" + maker,
				title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1),
				"Made by hand in " + PLACES[maker % PLACES.length] + " by a master of " + CRAFTS[category] + ".",
				Category.values()[category], List.of(ADJECTIVES[random.nextInt(ADJECTIVES.length)]),
				List.of(things[random.nextInt(things.length)]), price, price.amount().movePointRight(2).longValue(),
				random.nextInt(6), List.of(), ProductStatus.ACTIVE, "Workshop " + maker, PLACES[maker % PLACES.length],
				COUNTRIES[maker % COUNTRIES.length], Status.VERIFIED, created, created, List.of(), List.of(), List.of(),
				null, 0L, null, null);
	}

	private static ArtisanSnapshot maker(int maker) {
		return new ArtisanSnapshot("maker-" + maker, "owner-" + maker, "Workshop " + maker,
				CRAFTS[maker % WORDS.length], PLACES[maker % PLACES.length], COUNTRIES[maker % COUNTRIES.length],
				Status.VERIFIED, Instant.parse("2024-01-01T00:00:00Z"), 1, List.of());
	}

	private static ListingQuery listing(String text, String category, String country, Order order, long offset) {
		return new ListingQuery(text, category, country, null, null, null, null, null, false, null, order, offset, 20);
	}

	private static double[] time(int runs, Supplier<?> call) {
		return time(runs, () -> null, call);
	}

	/** Milliseconds of each of {@code runs} calls, sorted, after a warm-up of a tenth. */
	private static double[] time(int runs, Supplier<?> before, Supplier<?> call) {
		for (int i = 0; i < Math.max(5, runs / 10); i++) {
			before.get();
			call.get();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			before.get();
			long started = System.nanoTime();
			call.get();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	/**
	 * Milliseconds of two calls after each of {@code runs} changes, in alternating order
	 * so that neither always runs first, each sorted; after a warm-up of a tenth.
	 */
	private static double[][] timeBoth(int runs, Runnable change, Supplier<?> first, Supplier<?> second) {
		for (int i = 0; i < Math.max(5, runs / 10); i++) {
			change.run();
			first.get();
			second.get();
		}
		double[][] millis = new double[2][runs];
		for (int i = 0; i < runs; i++) {
			change.run();
			for (int which : (i % 2 == 0) ? new int[] { 0, 1 } : new int[] { 1, 0 }) {
				long started = System.nanoTime();
				((which == 0) ? first : second).get();
				millis[which][i] = (System.nanoTime() - started) / 1e6;
			}
		}
		Arrays.sort(millis[0]);
		Arrays.sort(millis[1]);
		return millis;
	}

	private static double percentile(double[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> all = new ArrayList<>(files.toList());
			long total = 0;
			for (Path file : all) {
				total += Files.size(file);
			}
			return total;
		}
	}

	private record Named(String name, ListingQuery query) {
	}

}
