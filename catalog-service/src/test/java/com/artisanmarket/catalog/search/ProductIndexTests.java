package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
						.sorted(java.util.Comparator.reverseOrder())
						.limit(10)
						.map((minute) -> start.plusSeconds(60L * minute))
						.toList());
			}
			finally {
				index.release(searcher);
			}
		}
	}

	private static Document document(IndexSearcher searcher, int doc) {
		try {
			return searcher.storedFields().document(doc);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Product product(String id, Instant createdAt) {
		Money price = new Money(new BigDecimal("25.00"), "USD");
		return new Product(id, "artisan-1", "owner-1", "Bowl " + id, "Thrown by hand.", Category.CERAMICS,
				List.of("clay"), List.of(), price, 2500, 3, List.of(), ProductStatus.ACTIVE, "Aysel", "Baku", "AZ",
				ArtisanEvent.Status.VERIFIED, createdAt, createdAt, List.of(), List.of(), List.of(), null);
	}

}
