package com.artisanmarket.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback: file-backed and durable
 * for the local default, in memory for tests. What it cannot do, and the rules that
 * follow: docs/architecture.md, 'Known limits of the embedded MongoDB server'.
 */
public final class EmbeddedMongo implements AutoCloseable {

	/** MVStore's page cache, in MB (its default is 16). */
	private static final int CACHE_MB = 512;

	/**
	 * Every commit rewrites each changed page whole, so the page size is the bytes
	 * written per small write. MVStore's default of 16 KB made the store's serialization
	 * most of the server's work under order load; 4 KB pages carried 1.9x the orders per
	 * second (26 → 66 orders/s on 2 cores, 14.1 → 9.5 ms of the server's CPU per order),
	 * 1 KB no more.
	 */
	private static final int PAGE_SPLIT_BYTES = 4 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final MongoServer server;

	private final int port;

	private EmbeddedMongo(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Serves the data in an H2 MVStore file; every acknowledged write has reached the
	 * file before it is acknowledged.
	 * @param file the store file, created when missing
	 * @param port the port to listen on (127.0.0.1)
	 * @return the running server
	 */
	public static EmbeddedMongo startFileBacked(Path file, int port) {
		MVStore store = openStore(file);
		DurableH2Backend backend = new DurableH2Backend(store);
		EmbeddedMongo mongo = start(backend, port);
		logger.info("MongoDB wire server ready on {} (data in {})", mongo.connectionString(), file);
		return mongo;
	}

	/**
	 * Opens the store file as the file-backed server does: without H2's background
	 * thread, so that every commit is made whole by the thread that asks for it.
	 *
	 * <p>
	 * With the background thread, H2 2.5 serializes every commit's chunk on a thread of
	 * its own, and a background commit does not wait for it; the next commit, under
	 * another lock, drops dead chunks from the file's layout meanwhile, and the two can
	 * interleave so that a chunk's blocks are handed out again while the layout still
	 * lists it (h2database issue 4387, open). After four writers and a clean close, a
	 * reopened store once missed one acknowledged document of 35,623. Every command
	 * commits before it is answered anyway (see {@link DurableH2Backend}); what the
	 * thread also did, compacting sparse chunks, is not done while serving.
	 * @param file the store file, created when missing
	 * @return the open store
	 */
	static MVStore openStore(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Queries scan (the server ignores non-unique indexes): a page cache that holds
		// the working set keeps a scan in memory instead of reading and decoding the
		// file again.
		return new MVStore.Builder().fileName(file.toString())
			.cacheSize(CACHE_MB)
			.pageSplitSize(PAGE_SPLIT_BYTES)
			.autoCommitDisabled()
			.open();
	}

	/**
	 * Serves data held in memory only, for tests.
	 * @param port the port to listen on (127.0.0.1), 0 for any free one
	 * @return the running server
	 */
	public static EmbeddedMongo startInMemory(int port) {
		return start(new IdLookupMemoryBackend(), port);
	}

	private static EmbeddedMongo start(MongoBackend backend, int port) {
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new EmbeddedMongo(server, server.getLocalAddress().getPort());
	}

	public int port() {
		return this.port;
	}

	public String connectionString() {
		return "mongodb://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		// Also closes the backend, which commits and closes the store file.
		this.server.shutdown();
	}

}
