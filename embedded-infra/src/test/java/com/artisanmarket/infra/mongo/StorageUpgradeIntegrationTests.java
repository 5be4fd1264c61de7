package com.artisanmarket.infra.mongo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store file that the stock H2 backend wrote, every document Java-serialized, opens
 * with every document, index and query, and is upgraded to BSON, also when a crash cut an
 * earlier upgrade short.
 */
class StorageUpgradeIntegrationTests {

	private static final String PRODUCTS_MAP = "databases.shop.products";

	private static final String COPY_OF_PRODUCTS_MAP = StorageFormat.COPY_PREFIX + PRODUCTS_MAP;

	@TempDir
	Path dir;

	private Path file;

	private List<Document> written;

	@BeforeEach
	void writeWithTheStockBackend() {
		this.file = this.dir.resolve("data.mv");
		MongoServer server = new MongoServer(new H2Backend(this.file.toString()));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
			products.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
			products.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			products.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true));
			products.createIndex(Indexes.ascending("maker", "sku"), new IndexOptions().unique(true));
			for (int i = 0; i < 10; i++) {
				products.insertOne(product(i));
			}
			this.written = products.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
		}
		finally {
			server.shutdown();
		}
	}

	@Test
	void opensAFileTheStockBackendWroteWithEveryDocumentIndexAndQuery() {
		withProducts((products) -> {
			assertThat(all(products)).isEqualTo(this.written);
			assertThat(products.find(Filters.eq("sku", "SKU-7"))).containsExactly(this.written.get(7));
			assertThat(products.find(Filters.in("_id", "p-1", "p-2", "p-404"))).hasSize(2);
			assertThat(products.find(Filters.and(Filters.eq("_id", "p-3"), Filters.gte("stock", 3)))).hasSize(1);
			assertThat(products.find(Filters.regex("sku", "^SKU-[12]$"))).hasSize(2);
			assertRejectedAsDuplicate(products, new Document("_id", "p-1"));
			assertRejectedAsDuplicate(products, new Document("_id", "p-90").append("sku", "SKU-7"));
			assertRejectedAsDuplicate(products, new Document("_id", "p-91").append("code", 5L));
			assertRejectedAsDuplicate(products, new Document("_id", "p-92").append("tags", List.of("new", "tag-3-b")));

			products.updateOne(Filters.eq("_id", "p-7"), Updates.set("sku", "SKU-7b"));
			products.insertOne(new Document("_id", "p-93").append("sku", "SKU-7").append("code", 93));
			assertThat(products.countDocuments()).isEqualTo(11);
		});

		withProducts((products) -> {
			assertThat(products.countDocuments()).isEqualTo(11);
			assertRejectedAsDuplicate(products, new Document("_id", "p-94").append("sku", "SKU-7b"));
		});
		assertEveryDataAndIndexMapIsBson();
	}

	@Test
	void completesAnUpgradeThatACrashCutShortAfterItsFirstMap() {
		MVStore store = MVStore.open(this.file.toString());
		StorageFormat.openDataMap(store, PRODUCTS_MAP);
		store.closeImmediately();

		withProducts((products) -> {
			assertThat(all(products)).isEqualTo(this.written);
			assertRejectedAsDuplicate(products, new Document("_id", "p-90").append("sku", "SKU-7"));
		});
		assertEveryDataAndIndexMapIsBson();
	}

	@Test
	void redoesAConversionWhoseCopyACrashLeftHalfDone() {
		MVStore store = MVStore.open(this.file.toString());
		MVMap<Object, Object> old = store.openMap(PRODUCTS_MAP);
		MVMap<Object, Object> copy = openCopy(store);
		copy.put("p-0", old.get("p-0"));
		store.commit();
		store.closeImmediately();

		withProducts((products) -> assertThat(all(products)).isEqualTo(this.written));
		assertEveryDataAndIndexMapIsBson();
	}

	@Test
	void finishesAConversionThatACrashCutShortAfterTheOldMapWasRemoved() {
		MVStore store = MVStore.open(this.file.toString());
		MVMap<Object, Object> old = store.openMap(PRODUCTS_MAP);
		openCopy(store).putAll(old);
		store.removeMap(old);
		store.commit();
		store.closeImmediately();

		withProducts((products) -> assertThat(all(products)).isEqualTo(this.written));
		assertEveryDataAndIndexMapIsBson();
	}

	private static Document product(int i) {
		return new Document("_id", "p-" + i).append("sku", "SKU-" + i)
			.append("code", i)
			.append("tags", List.of("tag-" + i + "-a", "tag-" + i + "-b"))
			.append("maker", new Document("name", "maker-" + (i % 3)).append("region", "Quba"))
			.append("stock", i)
			.append("price", new Decimal128(new BigDecimal(i + ".50")))
			.append("createdAt", new Date(1_767_225_600_000L + i))
			.append("image", new Binary(new byte[] { (byte) i }));
	}

	/**
	 * The copy a conversion makes, as it makes it: typed and recorded before it is
	 * filled.
	 */
	@SuppressWarnings("unchecked")
	private static MVMap<Object, Object> openCopy(MVStore store) {
		return (MVMap<Object, Object>) (MVMap<?, ?>) StorageFormat.openDataMap(store, COPY_OF_PRODUCTS_MAP);
	}

	private static List<Document> all(MongoCollection<Document> products) {
		return products.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}

	private static void assertRejectedAsDuplicate(MongoCollection<Document> products, Document document) {
		assertThatThrownBy(() -> products.insertOne(document)).isInstanceOfSatisfying(MongoWriteException.class,
				(ex) -> assertThat(ex.getError().getCode()).isEqualTo(11000));
	}

	private void withProducts(Consumer<MongoCollection<Document>> work) {
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(this.file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			work.accept(client.getDatabase("shop").getCollection("products"));
		}
	}

	private void assertEveryDataAndIndexMapIsBson() {
		MVStore store = MVStore.open(this.file.toString());
		try {
			List<String> maps = store.getMapNames()
				.stream()
				.filter((name) -> name.startsWith(StorageFormat.DATA_MAP_PREFIX)
						|| name.contains(StorageFormat.INDEX_MAP_INFIX))
				.toList();
			assertThat(maps).contains(PRODUCTS_MAP, "shop.products._index__id_", "shop.products._index_sku_1",
					"shop.products._index_maker_1_sku_1");
			assertThat(maps).allMatch((name) -> StorageFormat.isBson(store, name), "holds BSON");
			assertThat(store.getMapNames()).noneMatch((name) -> name.startsWith(StorageFormat.COPY_PREFIX));
		}
		finally {
			store.close();
		}
	}

}
