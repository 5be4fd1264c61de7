package com.artisanmarket.infra.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command commits on its own, so every write leaves a chunk, and a chunk stays in
 * the file, and in the store's bookkeeping in the heap, as long as one page in it is
 * live. Products listed one command at a time, as an import lists them, leave the store
 * as compact as its compaction can keep it.
 */
class StoreCompactionIntegrationTests {

	private static final int PRODUCTS = 4_000;

	private static final String DESCRIPTION = "Hand-knotted in the workshop, natural dyes. ".repeat(20);

	@TempDir
	Path dir;

	@Test
	void theServerKeepsItsStoreCompactWhileProductsAreListed() throws IOException {
		Path file = this.dir.resolve("marketplace.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			list(client);

			// A few hundred chunks and a few KB a product, where every command kept one.
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(chunks(mongo.store())).isLessThan(PRODUCTS / 4));
			assertThat(Files.size(file)).isLessThan(PRODUCTS * 4_096L);
		}
	}

	/**
	 * What the compaction is for: without it, H2 reuses only chunks with no live page
	 * left, and at one chunk a command nearly every chunk keeps one.
	 */
	@Test
	void withoutCompactionNearlyEveryCommandKeepsAChunk() {
		Path file = this.dir.resolve("uncompacted.mv");
		MVStore store = EmbeddedMongo.openStore(file);
		store.setRetentionTime(EmbeddedMongo.RETENTION_MILLIS);
		MongoServer server = new MongoServer(new DurableH2Backend(store));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			list(client);

			assertThat(chunks(store)).isGreaterThan(PRODUCTS);
		}
		finally {
			server.shutdown();
		}
	}

	/** An insert and two conditional updates a product, each its own command. */
	private static void list(MongoClient client) {
		MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
		for (int i = 0; i < PRODUCTS; i++) {
			String id = "product-" + i;
			products.insertOne(new Document("_id", id).append("version", 0)
				.append("description", DESCRIPTION)
				.append("status", "DRAFT"));
			products.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 0)),
					Updates.combine(Updates.set("status", "ACTIVE"), Updates.inc("version", 1)));
			products.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1)),
					Updates.combine(Updates.set("stock", 3), Updates.inc("version", 1)));
		}
	}

	private static long chunks(MVStore store) {
		return store.getFileStore().getLayoutMap().keySet().stream().filter((key) -> key.startsWith("chunk.")).count();
	}

}
