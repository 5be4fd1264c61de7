package com.artisanmarket.catalog.media;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.artisanmarket.support.web.ServiceUnavailableException;

import org.springframework.stereotype.Component;

/**
 * Bounds how many uploads are decoded at once
 * ({@link ImageSettings#concurrentDecodes()}), since each holds its pixels in memory. An
 * upload beyond the bound is not queued (a queue of waiting uploads would hold their
 * connections and bodies instead): it is answered 503 with {@code Retry-After}.
 */
@Component
class DecodePermits {

	private final Semaphore permits;

	DecodePermits(ImageSettings settings) {
		this.permits = new Semaphore(settings.concurrentDecodes());
	}

	<T> T withPermit(Supplier<T> work) {
		if (!this.permits.tryAcquire()) {
			throw new ServiceUnavailableException("image upload");
		}
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

}
