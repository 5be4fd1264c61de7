package com.artisanmarket.infra.mongo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store file compact while the server serves, on a thread of its own that
 * rewrites and commits like any other client of the store.
 *
 * <p>
 * Every command commits on its own, so every write leaves a chunk in the file, and a
 * chunk stays as long as one page in it is live. Nothing else compacts: H2's background
 * thread, which would, is off (see {@link EmbeddedMongo#openStore}). Without this the
 * file grew by ~31 KB for each product listed, 94 % of it dead, and the store kept every
 * chunk's bookkeeping in the heap: 283,000 chunks at 360,000 products, until full
 * collections ran back to back. Here, whenever the chunks old enough to be rewritten are
 * less than {@value #FILL_RATE} % live, their live pages are copied into the next commit
 * (the sparsest and oldest first, at most {@value #WRITE_LIMIT_BYTES} bytes a round); the
 * emptied chunks are dropped, and their space reused, by the commits that follow.
 */
final class StoreCompaction implements AutoCloseable {

	/** Below this share of live bytes in the rewritable chunks, a round rewrites. */
	static final int FILL_RATE = 60;

	private static final int WRITE_LIMIT_BYTES = 2 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(StoreCompaction.class);

	private final MVStore store;

	private final ScheduledExecutorService rounds;

	private StoreCompaction(MVStore store) {
		this.store = store;
		this.rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.name("store-compaction")
			.daemon(true)
			.uncaughtExceptionHandler((thread, ex) -> logger.error("Store compaction stopped", ex))
			.factory());
	}

	/**
	 * Starts compacting the store a round at a time.
	 * @param store the open store
	 * @param every the pause between rounds
	 * @return the running compaction, to close before the store
	 */
	static StoreCompaction start(MVStore store, Duration every) {
		StoreCompaction compaction = new StoreCompaction(store);
		compaction.rounds.scheduleWithFixedDelay(compaction::roundSafely, every.toMillis(), every.toMillis(),
				TimeUnit.MILLISECONDS);
		return compaction;
	}

	/**
	 * One round: rewrites the sparsest rewritable chunks when they are sparse enough, and
	 * commits.
	 * @return whether anything was rewritten
	 */
	boolean round() {
		if (this.store.isClosed() || rewritableFillRate() >= FILL_RATE) {
			return false;
		}
		// compact() rewrites only when the fill rate of all chunks, the newest included,
		// is below its target: 100 lets the check above decide.
		boolean rewritten = this.store.compact(100, WRITE_LIMIT_BYTES);
		if (this.store.hasUnsavedChanges()) {
			this.store.commit();
		}
		return rewritten;
	}

	/**
	 * The share of live bytes in the chunks old enough to be rewritten. H2 computes it
	 * for its own background thread and publishes it only among its store statistics.
	 */
	int rewritableFillRate() {
		int[] fillRate = { 100 };
		this.store.getFileStore().populateInfo((name, value) -> {
			if (name.equals("info.CHUNKS_FILL_RATE_RW")) {
				fillRate[0] = Integer.parseInt(value);
			}
		});
		return fillRate[0];
	}

	private void roundSafely() {
		try {
			round();
		}
		catch (RuntimeException ex) {
			// A failed round leaves the store as it was; the next one tries again.
			if (!this.store.isClosed()) {
				logger.warn("Store compaction round failed", ex);
			}
		}
	}

	@Override
	public void close() {
		this.rounds.shutdown();
		try {
			if (!this.rounds.awaitTermination(30, TimeUnit.SECONDS)) {
				logger.warn("Store compaction still running after 30 s; closing the store anyway");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
