package com.artisanmarket.infra.mongo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.BsonBinarySubType;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents written through the driver into a file-backed server come back the same after
 * the server is closed and started again on the file, now that the store keeps them as
 * BSON.
 */
class BsonStorageIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void keepsDocumentsOfEveryBsonTypeAcrossARestart() {
		Path file = this.dir.resolve("data.mv");
		List<Document> documents = List.of(everyType(new ObjectId()), everyType("p-2"),
				new Document("_id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")).append("empty",
						new Document()));

		withDatabase(file, (shop) -> {
			shop.getCollection("products").insertMany(documents);
			assertThat(all(shop, "products")).containsExactlyInAnyOrderElementsOf(documents);
		});

		withDatabase(file, (shop) -> assertThat(all(shop, "products")).containsExactlyInAnyOrderElementsOf(documents));
		assertThat(bsonMapNames(file)).contains("databases.shop.products", "shop.products._index__id_");
	}

	@Test
	void keepsADateTheServerSetsAcrossARestart() {
		Path file = this.dir.resolve("data.mv");
		List<Document> touched = new ArrayList<>();

		withDatabase(file, (shop) -> {
			shop.getCollection("orders").insertOne(new Document("_id", "o-1"));
			shop.getCollection("orders").updateOne(Filters.eq("_id", "o-1"), Updates.currentDate("touchedAt"));
			touched.addAll(all(shop, "orders"));
		});

		withDatabase(file, (shop) -> {
			assertThat(all(shop, "orders")).isEqualTo(touched);
		});
	}

	private static Document everyType(Object id) {
		return new Document("_id", id).append("name", "Kilim, wool")
			.append("count", 42)
			.append("total", 9_007_199_254_740_993L)
			.append("ratio", 0.25)
			.append("price", new Decimal128(new BigDecimal("129.50")))
			.append("live", true)
			.append("archivedAt", null)
			.append("createdAt", new Date(1_767_225_600_123L))
			.append("image", new Binary(new byte[] { 1, 2, 3 }))
			.append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
			.append("legacyUuid", new Binary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
			.append("pattern", new BsonRegularExpression("^kilim", "i"))
			.append("oplogTime", new BsonTimestamp(1_767_225_600, 7))
			.append("script", new Code("function () { return 1; }"))
			.append("lowest", new MinKey())
			.append("highest", new MaxKey())
			.append("maker", new Document("name", "Aygün").append("regions", List.of("Quba", "Şəki")))
			.append("lines", List.of(new Document("sku", "k-1").append("quantity", 2), List.of(1, "two", 3.0), 4L));
	}

	private static List<Document> all(MongoDatabase shop, String collection) {
		return shop.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}

	private static void withDatabase(Path file, Consumer<MongoDatabase> work) {
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
				MongoClient client = MongoClients.create(settings(mongo))) {
			work.accept(client.getDatabase("shop"));
		}
	}

	private static MongoClientSettings settings(EmbeddedMongo mongo) {
		return MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongo.connectionString()))
			.uuidRepresentation(UuidRepresentation.STANDARD)
			.build();
	}

	private static List<String> bsonMapNames(Path file) {
		MVStore store = MVStore.open(file.toString());
		try {
			return store.getMapNames().stream().filter((name) -> StorageFormat.isBson(store, name)).toList();
		}
		finally {
			store.close();
		}
	}

}
