package com.artisanmarket.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;

/**
 * Prints the order-like write rate of the file-backed server with the store's former Java
 * serialization and with BSON, in one run: inserts, then conditional updates that pin
 * {@code _id} and {@code version}, as the saga writes. Not a test: run its main with the
 * test class path, {@code [operations] [rounds]}.
 */
public final class StorageFormatBenchmark {

	private StorageFormatBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int operations = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		Path dir = Files.createTempDirectory("storage-benchmark");
		try {
			run(dir, "warm-up java", operations / 10, JavaSerializingH2Backend::new);
			run(dir, "warm-up bson", operations / 10, DurableH2Backend::new);
			for (int round = 1; round <= rounds; round++) {
				Rates java = run(dir, "java " + round, operations, JavaSerializingH2Backend::new);
				Rates bson = run(dir, "bson " + round, operations, DurableH2Backend::new);
				System.out.printf(Locale.ROOT,
						"round %d bson/java: inserts %.2fx per second, %.2fx less CPU; updates %.2fx per second, %.2fx less CPU%n",
						round, bson.inserts().perSecond() / java.inserts().perSecond(),
						java.inserts().cpuMicrosPerOperation() / bson.inserts().cpuMicrosPerOperation(),
						bson.updates().perSecond() / java.updates().perSecond(),
						java.updates().cpuMicrosPerOperation() / bson.updates().cpuMicrosPerOperation());
			}
			long start = System.nanoTime();
			new MongoServer(new DurableH2Backend(EmbeddedMongo.openStore(dir.resolve("java " + rounds + ".mv"))))
				.shutdown();
			System.out.printf(Locale.ROOT, "upgrading the last java file (%d orders) to bson: %.0f ms%n", operations,
					(System.nanoTime() - start) / 1e6);
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static Rates run(Path dir, String name, int operations, Function<MVStore, H2Backend> backend) {
		Path file = dir.resolve(name + ".mv");
		MongoServer server = new MongoServer(backend.apply(EmbeddedMongo.openStore(file)));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
			Phase inserts = Phase.start();
			for (int i = 0; i < operations; i++) {
				orders.insertOne(order(i));
			}
			inserts = inserts.end(operations);
			FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
			Phase updates = Phase.start();
			for (int i = 0; i < operations; i++) {
				int n = (int) ((i * 7919L) % operations);
				orders.findOneAndUpdate(Filters.and(Filters.eq("_id", "o-" + n), Filters.eq("version", 0)),
						Updates.combine(Updates.set("status", "CONFIRMED"), Updates.inc("version", 1)), after);
			}
			updates = updates.end(operations);
			System.out.printf(Locale.ROOT,
					"%-12s %6d inserts %6.0f/s %5.0f µs CPU/op, %6d findOneAndUpdate %6.0f/s %5.0f µs CPU/op, file %s%n",
					name, operations, inserts.perSecond(), inserts.cpuMicrosPerOperation(), operations,
					updates.perSecond(), updates.cpuMicrosPerOperation(), size(file));
			return new Rates(inserts, updates);
		}
		finally {
			server.shutdown();
		}
	}

	private static Document order(int i) {
		List<Document> lines = IntStream.range(0, 3)
			.mapToObj((line) -> new Document("productId", "product-" + ((i + line) % 187)).append("quantity", line + 1)
				.append("unitPrice", new Decimal128(new BigDecimal("49.90"))))
			.toList();
		return new Document("_id", "o-" + i).append("version", 0)
			.append("buyerId", "buyer-" + (i % 500))
			.append("status", "PENDING")
			.append("lines", lines)
			.append("total", new Decimal128(new BigDecimal("299.40")))
			.append("currency", "AZN")
			.append("placedAt", new Date(1_767_225_600_000L + i))
			.append("shipping", new Document("name", "Aysel Məmmədova").append("city", "Bakı")
				.append("street", "Nizami küçəsi " + i));
	}

	private static String size(Path file) {
		try {
			return (Files.size(file) / 1024) + " KB";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Rates(Phase inserts, Phase updates) {
	}

	/**
	 * Wall time and this process's CPU time (client and server share it) of a phase; on a
	 * shared machine the CPU time per operation is the steadier number.
	 */
	private record Phase(long startNanos, long startCpuNanos, double perSecond, double cpuMicrosPerOperation) {

		static Phase start() {
			return new Phase(System.nanoTime(), cpuNanos(), 0, 0);
		}

		Phase end(int operations) {
			double seconds = (System.nanoTime() - this.startNanos) / 1e9;
			double cpuMicros = (cpuNanos() - this.startCpuNanos) / 1e3;
			return new Phase(this.startNanos, this.startCpuNanos, operations / seconds, cpuMicros / operations);
		}

		private static long cpuNanos() {
			return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		}

	}

}
