package com.artisanmarket.infra.mongo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.artisanmarket.launcher.FreePorts;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the MongoDB wire server as its own process, as {@code ./marketplace} does, and
 * kills it with SIGKILL right after the last acknowledged write; and refuses a damaged
 * store file without touching it.
 */
class MongoServerDurabilityIntegrationTests {

	private static final int COMPACTED_ITEMS = 4_000;

	private static final long KILLED_AFTER_UPDATES = 5_000;

	private static final String PAYLOAD = "handmade ".repeat(100);

	@TempDir
	Path dataDir;

	private Process server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.destroyForcibly();
		}
	}

	@Test
	void keepsEveryAcknowledgedWriteWhenTheProcessIsKilled() throws Exception {
		int port = FreePorts.next();
		Path file = this.dataDir.resolve("marketplace.mv");
		this.server = startServer(file, port);
		int inserted = 0;
		long counter = 0;
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
			MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
			counters.insertOne(new Document("_id", "stock").append("value", 0L));
			for (int i = 0; i < 300; i++) {
				items.insertOne(new Document("_id", "item-" + i).append("n", i));
				inserted++;
				Document after = counters.findOneAndUpdate(Filters.eq("_id", "stock"), Updates.inc("value", 1L),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
				counter = after.getLong("value");
			}
		}
		this.server.destroyForcibly().waitFor();

		this.server = startServer(file, port);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
			MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
			assertThat(items.countDocuments()).isEqualTo(inserted);
			assertThat(items.find(Filters.eq("_id", "item-299")).first()).isNotNull();
			assertThat(counters.find(Filters.eq("_id", "stock")).first().getLong("value")).isEqualTo(counter)
				.isEqualTo(300L);
		}
	}

	/**
	 * Each write leaves a chunk and the store's compaction rewrites the sparse ones while
	 * writes go on, freeing emptied chunks at once (see
	 * {@link EmbeddedMongo#RETENTION_MILLIS}); a kill in the middle of that must not cost
	 * an acknowledged write nor leave a file that does not open.
	 */
	@Test
	void keepsEveryAcknowledgedWriteWhenKilledWhileTheStoreIsCompacted() throws Exception {
		int port = FreePorts.next();
		Path file = this.dataDir.resolve("marketplace.mv");
		this.server = startServer(file, port);
		Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();
		Map<Integer, Long> inFlight = new ConcurrentHashMap<>();
		// No retry of a write the kill cut off, and no 30 s wait for a server that is
		// gone.
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + port + "/?retryWrites=false&serverSelectionTimeoutMS=1000")) {
			MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
			for (int key = 0; key < COMPACTED_ITEMS; key++) {
				items.insertOne(new Document("_id", key).append("n", 0L).append("payload", PAYLOAD));
				acknowledged.put(key, 0L);
			}
			List<Thread> writers = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int first = writer;
				writers.add(Thread.ofPlatform().start(() -> updateUntilKilled(items, first, acknowledged, inFlight)));
			}
			// Enough updates that chunks go sparse and are rewritten and freed meanwhile.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> acknowledged.values().stream().mapToLong(Long::longValue).sum() >= KILLED_AFTER_UPDATES);
			this.server.destroyForcibly().waitFor();
			for (Thread writer : writers) {
				writer.join();
			}
		}
		assertThat(acknowledged.values().stream().mapToLong(Long::longValue).sum()).as("updates acknowledged")
			.isGreaterThan(COMPACTED_ITEMS);

		this.server = startServer(file, port);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			Map<Integer, Long> stored = new HashMap<>();
			client.getDatabase("durability")
				.getCollection("items")
				.find()
				.forEach((item) -> stored.put(item.getInteger("_id"), item.getLong("n")));
			assertThat(stored).hasSize(COMPACTED_ITEMS);
			acknowledged.forEach(
					(key, n) -> assertThat(stored.get(key)).as("item %d", key).isIn(n, inFlight.getOrDefault(key, n)));
		}
	}

	/**
	 * Updates this writer's half of the items at random, each to a higher count, until
	 * the server is gone; the update that was sent but not answered stays in flight.
	 */
	private static void updateUntilKilled(MongoCollection<Document> items, int first, Map<Integer, Long> acknowledged,
			Map<Integer, Long> inFlight) {
		Random random = new Random(first);
		try {
			while (true) {
				int key = first + 2 * random.nextInt(COMPACTED_ITEMS / 2);
				long n = acknowledged.get(key) + 1;
				inFlight.put(key, n);
				items.updateOne(Filters.eq("_id", key), Updates.set("n", n));
				acknowledged.put(key, n);
				inFlight.remove(key);
			}
		}
		catch (MongoException ex) {
			// the server was killed
		}
	}

	@Test
	void logsNeitherWireMessagesNorDocuments() throws Exception {
		int port = FreePorts.next();
		this.server = startServer(this.dataDir.resolve("marketplace.mv"), port);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			client.getDatabase("accounts")
				.getCollection("users")
				.insertOne(new Document("_id", "buyer-1").append("passwordHash", "secret-hash-value"));
		}
		this.server.destroy();
		this.server.waitFor(30, TimeUnit.SECONDS);

		String log = Files.readString(this.dataDir.resolve("mongo.log"));
		assertThat(log).contains("MongoDB wire server").doesNotContain("DEBUG").doesNotContain("secret-hash-value");
	}

	@Test
	void refusesADamagedStoreFileLeavesItAsItIsAndSaysHowToStartOver() throws Exception {
		Path file = this.dataDir.resolve("marketplace.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("durability").getCollection("items").insertOne(new Document("_id", "item-1"));
		}
		byte[] damaged = Files.readAllBytes(file);
		Arrays.fill(damaged, 0, 8192, (byte) 0);
		Files.write(file, damaged);

		Process process = new ProcessBuilder(List.of(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				MongoServerMain.class.getName(), "--port", Integer.toString(FreePorts.next()), "--file",
				file.toString()))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(output.strip().lines().toList().getLast()).contains("The store file " + file + " is damaged")
			.contains("./marketplace up --fresh");
		assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
	}

	/**
	 * This module's class path without its test classes, whose Logback configuration
	 * would hide the one the server picks when {@code ./marketplace} runs it.
	 */
	private static String mainClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private Process startServer(Path file, int port) throws IOException {
		Path readyFile = this.dataDir.resolve("mongo.ready");
		Files.deleteIfExists(readyFile);
		Process process = new ProcessBuilder(
				List.of(java(), "-Xmx256m", "-cp", mainClassPath(), MongoServerMain.class.getName(), "--port",
						Integer.toString(port), "--file", file.toString(), "--ready-file", readyFile.toString()))
			.redirectErrorStream(true)
			.redirectOutput(new File(this.dataDir.toFile(), "mongo.log"))
			.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(readyFile) || !process.isAlive());
		assertThat(process.isAlive()).as("mongo server process is running").isTrue();
		return process;
	}

}
