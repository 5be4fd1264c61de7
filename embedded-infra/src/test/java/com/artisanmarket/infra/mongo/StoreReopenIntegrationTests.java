package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that several connections wrote to at once, as an import does (a product and its
 * outbox entry per row, the entry deleted once relayed), is closed and opened again, and
 * every document reads back. With H2 2.4.240 a store written under such load once failed
 * to open ({@code MVStoreException: Chunk ... not found}): a chunk counted as having no
 * live pages was still referenced.
 */
class StoreReopenIntegrationTests {

	private static final int WRITERS = 4;

	private static final long WRITE_MILLIS = 5_000;

	private static final String PAYLOAD = "handmade ".repeat(50);

	@TempDir
	Path dir;

	@Test
	void opensAgainWithEveryDocumentAfterConcurrentWrites() throws Exception {
		Path file = this.dir.resolve("marketplace.mv");
		AtomicLong written = new AtomicLong();
		for (int round = 0; round < 3; round++) {
			try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
					MongoClient client = MongoClients.create(mongo.connectionString())) {
				assertEveryDocumentReadsBack(client, written.get());
				writeConcurrently(client, round, written);
			}
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertEveryDocumentReadsBack(client, written.get());
		}
	}

	/**
	 * H2's background writer commits without waiting for its chunk to be written, which
	 * can interleave with another commit's dropping of dead chunks (see
	 * {@link EmbeddedMongo#openStore}); the server commits on the writing threads only.
	 */
	@Test
	void runsNoBackgroundWriterBehindTheCommands() {
		Path file = this.dir.resolve("marketplace.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "p1"));

			assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
				.noneMatch((name) -> name.startsWith("MVStore background writer") && name.contains(file.toString()));
		}
	}

	private static void writeConcurrently(MongoClient client, int round, AtomicLong written) throws Exception {
		MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
		MongoCollection<Document> outbox = client.getDatabase("catalog").getCollection("outbox");
		long until = System.currentTimeMillis() + WRITE_MILLIS;
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				String prefix = round + "-" + w + "-";
				done.add(writers.submit(() -> {
					for (int n = 0; System.currentTimeMillis() < until; n++) {
						String id = prefix + n;
						products.insertOne(new Document("_id", id).append("description", PAYLOAD).append("stock", n));
						outbox.insertOne(new Document("_id", id).append("event", PAYLOAD));
						written.incrementAndGet();
						products.updateOne(Filters.eq("_id", id), Updates.inc("stock", 1));
						outbox.deleteOne(Filters.eq("_id", id));
					}
					return null;
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
		}
		finally {
			writers.shutdown();
		}
	}

	private static void assertEveryDocumentReadsBack(MongoClient client, long written) {
		MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
		long read = 0;
		for (Document product : products.find()) {
			assertThat(product.getString("description")).isEqualTo(PAYLOAD);
			assertThat(product.getInteger("stock")).isPositive();
			read++;
		}
		assertThat(read).isEqualTo(written);
		assertThat(client.getDatabase("catalog").getCollection("outbox").countDocuments()).isZero();
	}

}
