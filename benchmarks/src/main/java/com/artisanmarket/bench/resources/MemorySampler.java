package com.artisanmarket.bench.resources;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up the parts' resident memory once a second for the whole run and keeps the
 * largest sum: the machine's footprint at its fullest, which the parts' single peaks
 * ({@code VmHWM}, each at its own moment) do not tell.
 */
public final class MemorySampler implements AutoCloseable {

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("memory-sampler").factory());

	private final AtomicLong maxKib = new AtomicLong();

	public MemorySampler(Parts parts) {
		this.timer.scheduleAtFixedRate(() -> this.maxKib.accumulateAndGet(parts.residentKibTotal(), Math::max), 0, 1,
				TimeUnit.SECONDS);
	}

	/** The largest sum of the parts' {@code VmRSS} sampled so far, in KiB. */
	public long maxResidentKibTotal() {
		return this.maxKib.get();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
