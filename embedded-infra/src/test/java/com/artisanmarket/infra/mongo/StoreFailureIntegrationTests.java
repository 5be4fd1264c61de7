package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store that fails while serving closes itself for good, and the server then answers
 * nothing: the server tells whoever runs it (the wire server's process exits on it), and
 * what was acknowledged before is read back from the file.
 */
class StoreFailureIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aFailedStoreIsToldOnceAndWhatWasAcknowledgedIsReadBackFromTheFile() {
		Path file = this.dir.resolve("marketplace.mv");
		List<Throwable> told = new CopyOnWriteArrayList<>();
		MVStoreException failure = DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED,
				"writing to {0} failed", file);
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0, told::add);
				MongoClient client = client(mongo)) {
			MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
			products.insertOne(new Document("_id", "rug-1").append("title", "Kilim"));

			assertThatThrownBy(() -> mongo.store().panic(failure)).isSameAs(failure);
			// A second failure of a store already closed is not told again.
			assertThatThrownBy(() -> mongo.store().panic(new IllegalStateException("after")))
				.isInstanceOf(MVStoreException.class);

			assertThat(told).containsExactly(failure);
			assertThat(mongo.store().isClosed()).isTrue();
			assertThatThrownBy(() -> products.insertOne(new Document("_id", "rug-2")))
				.isInstanceOf(MongoException.class);
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0); MongoClient client = client(mongo)) {
			assertThat(client.getDatabase("catalog").getCollection("products").find().into(new ArrayList<>()))
				.extracting((product) -> product.getString("_id"))
				.containsExactly("rug-1");
		}
	}

	private static MongoClient client(EmbeddedMongo mongo) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongo.connectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.readTimeout(5, TimeUnit.SECONDS))
			.build());
	}

}
