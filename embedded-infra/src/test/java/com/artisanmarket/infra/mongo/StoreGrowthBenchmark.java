package com.artisanmarket.infra.mongo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;

/**
 * Prints how the file-backed store grows while products are listed one command at a time,
 * as the catalogue's import writes them: an insert, then two conditional updates of the
 * same product. Every command commits on its own, so every command leaves a chunk in the
 * file. Prints, every {@code step} products, the file's size per product, the chunks the
 * store keeps (each also held in the heap) and the heap in use after a collection: first
 * as the server ran before it compacted its store while serving, then as it runs now. Not
 * a test: run its main with the test class path, {@code [products] [step]}.
 */
public final class StoreGrowthBenchmark {

	private static final String DESCRIPTION = "Hand-knotted in the workshop, natural dyes, wool on cotton. ".repeat(12);

	private StoreGrowthBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int products = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int step = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		Path dir = Files.createTempDirectory("store-growth");
		try {
			System.out.println("as the server ran before: no compaction, dead chunks kept 45 s");
			Path before = dir.resolve("before.mv");
			MVStore uncompacted = EmbeddedMongo.openStore(before);
			uncompacted.setRetentionTime(45_000);
			MongoServer server = new MongoServer(new DurableH2Backend(uncompacted));
			try {
				grow(server.bindAndGetConnectionString(), uncompacted, before, products, step);
			}
			finally {
				server.shutdown();
			}
			System.out.println("as the server runs now (EmbeddedMongo.startFileBacked)");
			Path now = dir.resolve("now.mv");
			try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(now, 0)) {
				grow(mongo.connectionString(), mongo.store(), now, products, step);
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((each) -> each.toFile().delete());
			}
		}
	}

	private static void grow(String connectionString, MVStore store, Path file, int products, int step)
			throws IOException {
		try (MongoClient client = MongoClients.create(connectionString)) {
			MongoCollection<Document> collection = client.getDatabase("catalog").getCollection("products");
			collection.createIndex(Indexes.ascending("importKey"), new IndexOptions().unique(true).sparse(true));
			long start = System.nanoTime();
			long stepStart = start;
			for (int i = 1; i <= products; i++) {
				String id = "p-" + i;
				collection.insertOne(product(id, i));
				collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 0)),
						Updates.combine(Updates.set("status", "ACTIVE"), Updates.inc("version", 1)));
				collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1)),
						Updates.combine(Updates.inc("stock", -1), Updates.inc("version", 1)));
				if (i % step == 0) {
					long now = System.nanoTime();
					print(store, file, i, step / ((now - stepStart) / 1e9), (now - start) / 1e9);
					stepStart = System.nanoTime();
				}
			}
		}
	}

	private static void print(MVStore store, Path file, int products, double perSecond, double seconds)
			throws IOException {
		long chunks = store.getFileStore()
			.getLayoutMap()
			.keySet()
			.stream()
			.filter((key) -> key.startsWith("chunk."))
			.count();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		long heap = memory.getHeapMemoryUsage().getUsed();
		long size = Files.size(file);
		System.out.printf(Locale.ROOT,
				"%8d products %6.0f/s (%5.0f s)  file %7.1f MB  %6.0f bytes/product  chunks %7d  chunks' fill %3d%%  heap %6.1f MB%n",
				products, perSecond, seconds, size / 1e6, (double) size / products, chunks,
				store.getFileStore().getChunksFillRate(), heap / 1e6);
	}

	private static Document product(String id, int i) {
		return new Document("_id", id).append("version", 0)
			.append("importKey", "maker-" + (i / 2_500) + ":" + i)
			.append("artisanId", "artisan-" + (i % 400))
			.append("title", "Hand-knotted carpet no. " + i)
			.append("description", DESCRIPTION)
			.append("category", "TEXTILES")
			.append("tags", List.of("carpet", "wool", "guba"))
			.append("price", new Document("amount", new Decimal128(new BigDecimal("249.00"))).append("currency", "AZN"))
			.append("stock", 5)
			.append("status", "DRAFT")
			.append("createdAt", new Date(1_767_225_600_000L + i));
	}

}
