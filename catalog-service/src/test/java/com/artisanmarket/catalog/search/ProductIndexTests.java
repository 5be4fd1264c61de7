package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.artisanmarket.catalog.product.Category;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.Money;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProductIndexTests {

	@TempDir
	Path directory;

	@Test
	void startsAfreshOverAnIndexItCannotReadAndKeepsTheOffsetsItCommits() throws IOException {
		Files.writeString(this.directory.resolve("segments_1"),
				"not a Lucene commit, but long enough to be read as one", StandardCharsets.UTF_8);

		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(index.committedOffsets()).as("nothing to resume from: rebuild").isEmpty();
			index.commit(Map.of("catalog-events-0", 7L, "artisan-events-2", 3L));
		}
		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(index.committedOffsets()).isEqualTo(Map.of("catalog-events-0", 7L, "artisan-events-2", 3L));
		}
	}

	@Test
	void startsAfreshOverAnIndexKeptInAnotherOrder() throws IOException {
		try (FSDirectory old = FSDirectory.open(this.directory);
				IndexWriter writer = new IndexWriter(old, new IndexWriterConfig())) {
			Document document = new Document();
			document.add(new StringField("id", "from-an-older-version", Store.YES));
			writer.addDocument(document);
			writer.setLiveCommitData(Map.of("schema", ProductIndex.SCHEMA, "offset:catalog-events-0", "41").entrySet());
			writer.commit();
		}

		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(index.committedOffsets()).as("nothing to resume from: rebuild").isEmpty();
		}
	}

	@Test
	void readsOnlyTheFirstPageOfTheNewestListing() throws IOException {
		Instant start = Instant.parse("2026-11-01T10:00:00Z");
		List<Integer> minutes = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			minutes.add((i * 7919) % 300);
		}
		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			for (int i = 0; i < minutes.size(); i++) {
				index.put(product("p-" + i, start.plusSeconds(60L * minutes.get(i))));
				if (i % 50 == 49) {
					index.commit(Map.of());
				}
			}
			index.refresh();
			IndexSearcher searcher = index.acquire();
			try {
				TopFieldDocs page = searcher.search(new MatchAllDocsQuery(),
						new TopFieldCollectorManager(ListingQueries.sort(ListingQuery.Order.NEWEST), 10, null, 10));

				assertThat(page.totalHits.value()).as("documents read: stopped early instead of ranking all 300")
					.isLessThan(100);
				assertThat(Arrays.stream(page.scoreDocs)
					.map((hit) -> index.documents().product(document(searcher, hit.doc)))
					.map(Product::createdAt)
					.toList())
					.isEqualTo(minutes.stream()
						.sorted(Comparator.reverseOrder())
						.limit(10)
						.map((minute) -> start.plusSeconds(60L * minute))
						.toList());
			}
			finally {
				index.release(searcher);
			}
		}
	}

	@Test
	void countsFacetsRightAfterChangesToProductsWhoseSegmentsWereCountedBefore() throws IOException {
		Instant start = Instant.parse("2026-11-01T10:00:00Z");
		Category[] categories = { Category.CERAMICS, Category.CARPETS, Category.JEWELRY };
		String[] countries = { "AZ", "UZ", "TR" };
		Map<String, Product> catalogue = new LinkedHashMap<>();
		SplittableRandom random = new SplittableRandom(11);
		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			ProductListings listings = new ProductListings(index);
			for (int round = 0; round < 4; round++) {
				// Products new and changed, in segments of their own, each counted before
				// the next round changes some of them again.
				for (int i = 0; i < 120; i++) {
					String id = "p-" + random.nextInt(300);
					Product changed = product(id, start.plusSeconds(random.nextInt(100_000)),
							categories[random.nextInt(categories.length)], countries[random.nextInt(countries.length)],
							random.nextInt(4_000) * 100L, random.nextInt(3),
							(random.nextInt(10) == 0) ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE);
					catalogue.put(id, changed);
					index.put(changed);
				}
				index.commit(Map.of());
				index.refresh();
				for (String country : List.of("", "UZ")) {
					ListingQuery query = new ListingQuery(null, null, country.isEmpty() ? null : country, null, null,
							null, null, null, false, null, ListingQuery.Order.NEWEST, 0, 20);
					List<Product> shown = catalogue.values()
						.stream()
						.filter(ProductDocuments::isPublic)
						.filter((product) -> country.isEmpty() || product.artisanCountry().equals(country))
						.toList();

					Listing listing = listings.find(query);

					assertThat(listing.total()).as("round %d, country '%s'", round, country).isEqualTo(shown.size());
					assertThat(listing.facets().category()).as("round %d", round)
						.containsExactlyInAnyOrderElementsOf(bruteForce(shown, (product) -> product.category().name()));
					assertThat(listing.facets().country())
						.containsExactlyInAnyOrderElementsOf(bruteForce(shown, Product::artisanCountry));
					assertThat(listing.facets().priceBand()).extracting(Facets.PriceBand::count)
						.containsExactlyElementsOf(IntStream.range(0, FacetCounter.BAND_STARTS.length)
							.mapToObj((band) -> shown.stream()
								.filter((product) -> FacetCounter.band(product.priceMinor()) == band)
								.count())
							.toList());
					assertThat(listing.facets().inStock()).containsExactly(
							new Facets.Count("true", shown.stream().filter((product) -> product.stock() > 0).count()),
							new Facets.Count("false",
									shown.stream().filter((product) -> product.stock() == 0).count()));
				}
			}
		}
	}

	@Test
	void suggestsEachValueOnceAndAtMostTen() throws IOException {
		Instant start = Instant.parse("2026-11-01T10:00:00Z");
		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			ProductListings listings = new ProductListings(index);
			// Three segments of products by one maker, the first of them archived.
			for (int segment = 0; segment < 3; segment++) {
				for (int i = segment * 10; i < segment * 10 + 10; i++) {
					index.put(product("p-" + i, start.plusSeconds(i), Category.CERAMICS, "AZ", 1_000, 1,
							(i == 0) ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE));
				}
				index.commit(Map.of());
			}
			index.refresh();

			assertThat(listings.suggest("ays")).containsExactly("Aysel");
			assertThat(listings.suggest("piece")).hasSize(ProductListings.SUGGESTIONS)
				.doesNotHaveDuplicates()
				.allMatch((title) -> title.matches("Piece p-[1-9][0-9]?"));
			assertThat(listings.suggest("piece p-2")).hasSize(ProductListings.SUGGESTIONS)
				.doesNotHaveDuplicates()
				.isSubsetOf(
						Stream.concat(Stream.of("Piece p-2"), IntStream.range(20, 30).mapToObj((i) -> "Piece p-" + i))
							.toList());
			assertThat(listings.suggest("piece p-0")).isEmpty();
		}
	}

	private static List<Facets.Count> bruteForce(List<Product> products, Function<Product, String> value) {
		return products.stream()
			.collect(Collectors.groupingBy(value, Collectors.counting()))
			.entrySet()
			.stream()
			.map((entry) -> new Facets.Count(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static Document document(IndexSearcher searcher, int doc) {
		try {
			return searcher.storedFields().document(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Product product(String id, Instant createdAt, Category category, String country, long priceMinor,
			int stock, ProductStatus status) {
		Money price = new Money(BigDecimal.valueOf(priceMinor, 2), "USD");
		return new Product(id, "artisan-1", "owner-1", "Piece " + id, "Made by hand.", category, List.of("clay"),
				List.of(), price, priceMinor, stock, List.of(), status, "Aysel", "Baku", country,
				ArtisanEvent.Status.VERIFIED, createdAt, createdAt, List.of(), List.of(), List.of(), null, 0L, null,
				null);
	}

	private static Product product(String id, Instant createdAt) {
		Money price = new Money(new BigDecimal("25.00"), "USD");
		return new Product(id, "artisan-1", "owner-1", "Bowl " + id, "Thrown by hand.", Category.CERAMICS,
				List.of("clay"), List.of(), price, 2500, 3, List.of(), ProductStatus.ACTIVE, "Aysel", "Baku", "AZ",
				ArtisanEvent.Status.VERIFIED, createdAt, createdAt, List.of(), List.of(), List.of(), null, 0L, null,
				null);
	}

}
