package com.artisanmarket.infra.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.Thread.UncaughtExceptionHandler;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

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

	/**
	 * How long a chunk with no live pages stays in the file before its space is reused,
	 * and how old a chunk must be before compaction may rewrite it. H2's default of 45 s
	 * is meant to outlast a disk's write cache after a power cut, which this server does
	 * not claim to survive (it does not fsync); a process kill loses nothing the
	 * operating system has been given. A command that reads an older version holds it
	 * (see {@link DurableH2Backend}), so no chunk is freed under a reader. At a few
	 * thousand commits a second every retained chunk is one more to keep: with compaction
	 * (4 to 8 MB a round), 20,000 products listed one command at a time left 8,000 chunks
	 * at 1 s and 1,300 at 0 (StoreGrowthBenchmark).
	 */
	static final int RETENTION_MILLIS = 0;

	/** Between compaction rounds: at 100 ms, rewriting keeps up with a bulk import. */
	private static final Duration COMPACTION_PAUSE = Duration.ofMillis(100);

	/** The size of each of the two copies of H2's store header at the file's start. */
	private static final int HEADER_BLOCK_BYTES = 4096;

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final MongoServer server;

	private final int port;

	private final MVStore store;

	private final StoreCompaction compaction;

	private EmbeddedMongo(MongoServer server, int port, MVStore store) {
		this.server = server;
		this.port = port;
		this.store = store;
		this.compaction = (store != null) ? StoreCompaction.start(store, COMPACTION_PAUSE) : null;
	}

	/**
	 * Serves the data in an H2 MVStore file; every acknowledged write has reached the
	 * file before it is acknowledged.
	 * @param file the store file, created when missing
	 * @param port the port to listen on (127.0.0.1)
	 * @return the running server
	 */
	public static EmbeddedMongo startFileBacked(Path file, int port) {
		return startFileBacked(file, port, (failure) -> {
		});
	}

	/**
	 * Serves the data in an H2 MVStore file, and tells when the store has failed.
	 *
	 * <p>
	 * A store that cannot write a commit (an I/O error, a full disk, an error in H2
	 * itself, the heap exhausted mid-write) closes itself for good: from then on every
	 * command, the driver's handshake included, fails, and the server closes the
	 * connection without an answer. Clients see a server that accepts connections but
	 * never becomes available, and wait for it indefinitely. Nothing that was
	 * acknowledged is lost (each command committed before its answer), and the next start
	 * reads the file's last complete commit; so the process that runs the server exits
	 * when it is told (see {@link MongoServerMain}).
	 * @param file the store file, created when missing
	 * @param port the port to listen on (127.0.0.1)
	 * @param onStoreFailure told once, with the store's error, when the store has closed
	 * itself; it is logged before
	 * @return the running server
	 */
	public static EmbeddedMongo startFileBacked(Path file, int port, Consumer<Throwable> onStoreFailure) {
		MVStore store = openStore(file, (thread, failure) -> {
			logger.error("The store {} failed and closed itself: every command fails from now on. What was "
					+ "acknowledged is in the file; a restart reads it back.", file, failure);
			onStoreFailure.accept(failure);
		});
		DurableH2Backend backend = new DurableH2Backend(store);
		EmbeddedMongo mongo = start(backend, port, store);
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
	 * thread also did, compacting sparse chunks, a {@link StoreCompaction} does.
	 * @param file the store file, created when missing
	 * @return the open store
	 */
	static MVStore openStore(Path file) {
		return openStore(file, null);
	}

	private static MVStore openStore(Path file, UncaughtExceptionHandler onFailure) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (Files.exists(file) && !closedCleanly(file)) {
				recover(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Queries scan (the server ignores non-unique indexes): a page cache that holds
		// the working set keeps a scan in memory instead of reading and decoding the
		// file again.
		MVStore.Builder builder = new MVStore.Builder().fileName(file.toString())
			.cacheSize(CACHE_MB)
			.pageSplitSize(PAGE_SPLIT_BYTES)
			.autoCommitDisabled();
		if (onFailure != null) {
			builder.backgroundExceptionHandler(onFailure);
		}
		MVStore store = builder.open();
		store.setRetentionTime(RETENTION_MILLIS);
		return store;
	}

	/**
	 * Whether the store was closed, and nothing written since: H2 marks both copies of
	 * its header {@code clean:1} on close and drops the mark with the first write after
	 * opening.
	 */
	private static boolean closedCleanly(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer headers = ByteBuffer.allocate(2 * HEADER_BLOCK_BYTES);
			while (headers.hasRemaining() && channel.read(headers) >= 0) {
				// reads both header blocks, or what there is of them
			}
			String text = new String(headers.array(), StandardCharsets.ISO_8859_1);
			return isMarkedClean(text.substring(0, HEADER_BLOCK_BYTES))
					&& isMarkedClean(text.substring(HEADER_BLOCK_BYTES));
		}
	}

	private static boolean isMarkedClean(String header) {
		int end = header.indexOf('\n');
		return end > 0 && Arrays.asList(header.substring(0, end).split(",")).contains("clean:1");
	}

	/**
	 * Finds the last complete commit of a store that was not closed, by scanning the
	 * whole file, and closes the store there cleanly.
	 *
	 * <p>
	 * Opened as usual, such a store starts from the chunk its header names and follows
	 * each chunk's guess of where the next one goes. H2 2.5 rewrites the header when a
	 * guess fails, but with the chunk before the one just written, so a commit whose
	 * chunk went into reused space, where no guess points, is not found: after a kill,
	 * the last acknowledged writes were gone (up to 8 commits in copies of a file taken
	 * right after each commit: StoreRecoveryIntegrationTests). Recovery mode scans every
	 * block for complete chunks and opens the newest whose chunks are all there; it would
	 * also read a damaged page as empty, so the store is only opened and closed in it,
	 * which marks the header clean at that chunk.
	 */
	private static void recover(Path file) {
		long start = System.nanoTime();
		new MVStore.Builder().fileName(file.toString())
			.pageSplitSize(PAGE_SPLIT_BYTES)
			.autoCommitDisabled()
			.recoveryMode()
			.open()
			.close();
		logger.info("The store {} was not closed cleanly; its last complete commit found by a scan in {} ms", file,
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Serves data held in memory only, for tests.
	 * @param port the port to listen on (127.0.0.1), 0 for any free one
	 * @return the running server
	 */
	public static EmbeddedMongo startInMemory(int port) {
		return start(new IdLookupMemoryBackend(), port, null);
	}

	private static EmbeddedMongo start(MongoBackend backend, int port, MVStore store) {
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new EmbeddedMongo(server, server.getLocalAddress().getPort(), store);
	}

	public int port() {
		return this.port;
	}

	/** The store file's MVStore, or {@code null} when serving from memory. */
	MVStore store() {
		return this.store;
	}

	public String connectionString() {
		return "mongodb://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		if (this.compaction != null) {
			this.compaction.close();
		}
		// Also closes the backend, which commits and closes the store file.
		this.server.shutdown();
	}

}
