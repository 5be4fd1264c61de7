package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Converting a map to BSON reads a snapshot of it while the store commits and moves pages
 * around it.
 */
class StorageFormatConversionTests {

	private static final String ORDERS_MAP = "databases.shop.orders";

	@Test
	void convertsAMapWhosePagesTheStoreMovesWhileItIsCopied(@TempDir Path dir) {
		String file = dir.resolve("data.mv").toString();
		Map<Object, Document> written = writeInSparseChunks(file, 500);

		// A long-lived file's chunks are older than the retention time, a large map's
		// copy
		// commits many times along the way, and H2's background housekeeping, which moves
		// pages out of sparse chunks, runs often: all made small here.
		MVStore store = new MVStore.Builder().fileName(file).autoCommitBufferSize(16).open();
		store.setRetentionTime(0);
		store.setAutoCommitDelay(50);
		try {
			StorageFormat.upgrade(store);

			assertThat(StorageFormat.isBson(store, ORDERS_MAP)).isTrue();
			assertThat(new HashMap<>(StorageFormat.openDataMap(store, ORDERS_MAP))).isEqualTo(written);
		}
		finally {
			store.close();
		}
	}

	/**
	 * Writes Java-serialized documents one commit each, as the durable backend did, then
	 * changes every third one, which leaves the early chunks sparse: the store moves
	 * their live pages elsewhere.
	 */
	private static Map<Object, Document> writeInSparseChunks(String file, int documents) {
		Map<Object, Document> written = new HashMap<>();
		MVStore store = new MVStore.Builder().fileName(file).pageSplitSize(4 * 1024).open();
		MVMap<Object, Document> orders = store.openMap(ORDERS_MAP);
		for (int i = 0; i < documents; i++) {
			put(store, orders, written,
					new Document("_id", "o-" + i).append("version", 0).append("note", "x".repeat(300)));
		}
		for (int i = 0; i < documents; i += 3) {
			put(store, orders, written, new Document("_id", "o-" + i).append("version", 1));
		}
		store.close();
		return written;
	}

	private static void put(MVStore store, MVMap<Object, Document> orders, Map<Object, Document> written,
			Document order) {
		orders.put(order.get("_id"), order);
		written.put(order.get("_id"), order);
		store.commit();
	}

}
