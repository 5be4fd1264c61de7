package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query that scans a collection reads the store as it was when the query began. While
 * it scans, other writes and the store's compaction move live pages to new chunks and
 * leave the old ones dead; a dead chunk must not be reused while a running command may
 * still read it. With H2 2.5.252 and nothing registered, a full scan of an older,
 * fragmented store failed with {@code Chunk ... not found} as soon as the compaction ran.
 */
class ScanDuringCompactionIntegrationTests {

	private static final int PRODUCTS = 20_000;

	private static final String PAYLOAD = "handmade ".repeat(100);

	@TempDir
	Path dir;

	@Test
	void aFullScanReadsEveryDocumentWhileTheStoreIsCompacted() throws Exception {
		Path file = this.dir.resolve("marketplace.mv");
		try (Server server = new Server(file); MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> products = products(client);
			for (int batch = 0; batch < PRODUCTS / 1_000; batch++) {
				List<Document> documents = new ArrayList<>();
				for (int i = 0; i < 1_000; i++) {
					documents.add(new Document("_id", batch * 1_000 + i).append("description", PAYLOAD));
				}
				products.insertMany(documents);
			}
			// Every other product changes, so that every chunk is half dead.
			for (int id = 0; id < PRODUCTS; id += 2) {
				products.updateOne(Filters.eq("_id", id), Updates.set("stock", 1));
			}
		}
		try (Server server = new Server(file); MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> products = products(client);
			// As if the file had been written long ago: its chunks are older than the
			// retention time, so a dead one may be reused at once.
			server.store.setRetentionTime(0);
			AtomicBoolean scanning = new AtomicBoolean(true);
			// What the store's background thread does on its own: compact and commit.
			MVMap<String, String> ticks = server.store.openMap("ticks");
			CompletableFuture<Void> compacting = CompletableFuture.runAsync(() -> {
				for (int n = 0; scanning.get(); n++) {
					// Several versions go by, as under other clients' writes.
					for (int write = 0; write < 10; write++) {
						ticks.put("tick", n + "." + write);
						server.store.commit();
					}
					server.store.compact(95, 16 * 1024 * 1024);
					server.store.commit();
				}
			});
			try {
				long until = System.currentTimeMillis() + 10_000;
				while (System.currentTimeMillis() < until) {
					long read = 0;
					for (Document product : products.find().batchSize(1_000)) {
						assertThat(product.getString("description")).isEqualTo(PAYLOAD);
						read++;
					}
					assertThat(read).isEqualTo(PRODUCTS);
				}
			}
			finally {
				scanning.set(false);
			}
			compacting.join();
		}
	}

	/**
	 * Why every command holds its version: H2 frees a chunk that compaction emptied as
	 * soon as a few versions have passed, also while an iteration over an older version
	 * still has pages to read in it. Should this start to pass, H2 protects such readers
	 * itself.
	 */
	@Test
	void h2FreesChunksUnderAnIterationThatHoldsNoVersion() {
		assertThatThrownBy(() -> iterateWhileCompacting(false)).isInstanceOf(MVStoreException.class)
			.hasMessageContaining("not found");
	}

	@Test
	void anIterationThatHoldsItsVersionReadsEverythingWhileCompacted() {
		assertThat(iterateWhileCompacting(true)).isEqualTo(PRODUCTS);
	}

	private long iterateWhileCompacting(boolean holdVersion) {
		Path file = this.dir.resolve("iterated.mv");
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).pageSplitSize(4 * 1024).open()) {
			MVMap<Integer, String> products = store.openMap("products");
			for (int id = 0; id < PRODUCTS; id++) {
				products.put(id, PAYLOAD);
			}
			store.commit();
			for (int id = 0; id < PRODUCTS; id += 2) {
				products.put(id, PAYLOAD);
				store.commit();
			}
		}
		try (MVStore store = new MVStore.Builder().fileName(file.toString())
			.pageSplitSize(4 * 1024)
			.cacheSize(1)
			.autoCommitDisabled()
			.open()) {
			store.setRetentionTime(0);
			MVMap<Integer, String> products = store.openMap("products");
			MVMap<String, String> ticks = store.openMap("ticks");
			TxCounter held = holdVersion ? store.registerVersionUsage() : null;
			long read = 0;
			try {
				for (Map.Entry<Integer, String> product : products.entrySet()) {
					assertThat(product.getValue()).isEqualTo(PAYLOAD);
					if (++read % 500 == 0) {
						ticks.put("tick", Long.toString(read));
						store.commit();
						store.compact(95, 16 * 1024 * 1024);
					}
				}
			}
			finally {
				if (held != null) {
					store.deregisterVersionUsage(held);
				}
			}
			return read;
		}
	}

	private static MongoCollection<Document> products(MongoClient client) {
		return client.getDatabase("catalog").getCollection("products");
	}

	/** The file-backed server, with its store at hand to compact. */
	private static final class Server implements AutoCloseable {

		private final MVStore store;

		private final MongoServer server;

		Server(Path file) {
			// A page cache far smaller than the data, as with a large catalogue: a scan
			// reads its pages from the chunks in the file.
			this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(1).pageSplitSize(4 * 1024).open();
			this.server = new MongoServer(new DurableH2Backend(this.store));
		}

		String connectionString() {
			return this.server.bindAndGetConnectionString();
		}

		@Override
		public void close() {
			this.server.shutdown();
		}

	}

}
