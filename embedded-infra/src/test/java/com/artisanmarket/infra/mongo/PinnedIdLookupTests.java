package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that pin {@code _id} beside other conditions are answered through the
 * {@code _id} index, with the same results as the stock server's scan.
 */
class PinnedIdLookupTests {

	private static final List<Bson> FILTERS = List.of(Filters.and(Filters.eq("_id", "p-7"), Filters.eq("version", 7)),
			Filters.and(Filters.eq("_id", "p-7"), Filters.eq("version", 8)),
			Filters.and(Filters.eq("_id", "p-3"), Filters.gte("stock", 3)),
			Filters.and(Filters.eq("_id", "p-3"), Filters.gte("stock", 4)),
			Filters.and(Filters.eq("_id", "p-5"), Filters.ne("reservedBy.orderId", "o-5")),
			Filters.and(Filters.eq("_id", "p-5"), Filters.ne("reservedBy.orderId", "o-6")),
			Filters.and(Filters.in("_id", "p-1", "p-2", "p-404"), Filters.eq("status", "LIVE")),
			Filters.and(Filters.eq("_id", "p-404"), Filters.eq("version", 1)),
			Filters.and(Filters.eq("_id", "p-9"), Filters.exists("archivedAt", false)));

	@Test
	void answersQueriesThatPinTheIdAsTheStockServerDoes(@TempDir Path dir) {
		List<List<Document>> expected = run(new MemoryBackend(), this::findAll);
		long before = PinnedId.lookups();
		assertThat(run(new IdLookupMemoryBackend(), this::findAll)).isEqualTo(expected);
		assertThat(PinnedId.lookups() - before).isEqualTo(FILTERS.size());
		MVStore store = new MVStore.Builder().fileName(dir.resolve("data.mv").toString()).open();
		assertThat(run(new DurableH2Backend(store), this::findAll)).isEqualTo(expected);
		assertThat(PinnedId.lookups() - before).isEqualTo(2L * FILTERS.size());
	}

	@Test
	void conditionalWritesThatPinTheIdChangeOnlyAMatchingDocument(@TempDir Path dir) {
		Function<MongoCollection<Document>, List<Document>> writes = (products) -> {
			List<Document> results = new ArrayList<>();
			FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
			results.add(products.findOneAndUpdate(Filters.and(Filters.eq("_id", "p-3"), Filters.gte("stock", 2)),
					Updates.inc("stock", -2), after));
			results.add(products.findOneAndUpdate(Filters.and(Filters.eq("_id", "p-3"), Filters.gte("stock", 2)),
					Updates.inc("stock", -2), after));
			results.add(products.findOneAndUpdate(Filters.and(Filters.eq("_id", "p-7"), Filters.eq("version", 6)),
					Updates.inc("version", 1), after));
			long modified = products
				.updateOne(Filters.and(Filters.eq("_id", "p-8"), Filters.eq("version", 8)),
						Updates.set("status", "SOLD"))
				.getModifiedCount();
			results.add(new Document("modified", modified));
			long deleted = products.deleteOne(Filters.and(Filters.eq("_id", "p-2"), Filters.eq("status", "GONE")))
				.getDeletedCount();
			results.add(new Document("deleted", deleted));
			products.find().sort(Sorts.ascending("_id")).into(results);
			return results;
		};
		List<List<Document>> expected = run(new MemoryBackend(), (products) -> List.of(writes.apply(products)));
		assertThat(run(new IdLookupMemoryBackend(), (products) -> List.of(writes.apply(products)))).isEqualTo(expected);
		MVStore store = new MVStore.Builder().fileName(dir.resolve("data.mv").toString()).open();
		assertThat(run(new DurableH2Backend(store), (products) -> List.of(writes.apply(products)))).isEqualTo(expected);
	}

	@Test
	void readsAFileWrittenByTheStockBackend(@TempDir Path dir) {
		String file = dir.resolve("data.mv").toString();
		List<List<Document>> written = run(new H2Backend(file), this::findAll);
		MVStore store = new MVStore.Builder().fileName(file).open();
		MongoServer server = new MongoServer(new DurableH2Backend(store));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
			assertThat(products.countDocuments()).isEqualTo(10);
			assertThat(products.find(FILTERS.getFirst()).into(new ArrayList<>())).isEqualTo(written.getFirst());
		}
		finally {
			server.shutdown();
		}
	}

	private List<List<Document>> findAll(MongoCollection<Document> products) {
		return FILTERS.stream()
			.<List<Document>>map((filter) -> products.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
			.toList();
	}

	private static List<List<Document>> run(de.bwaldvogel.mongo.MongoBackend backend,
			Function<MongoCollection<Document>, List<List<Document>>> queries) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
			for (int i = 0; i < 10; i++) {
				Document product = new Document("_id", "p-" + i).append("version", i)
					.append("stock", i)
					.append("status", (i % 2 == 0) ? "LIVE" : "SOLD")
					.append("reservedBy", List.of(new Document("orderId", "o-" + i)));
				if (i == 9) {
					product.append("archivedAt", "2026-12-01");
				}
				products.insertOne(product);
			}
			return queries.apply(products);
		}
		finally {
			server.shutdown();
		}
	}

}
