package com.artisanmarket.infra.mongo;

import java.util.function.Supplier;

/**
 * Whether an update or a findAndModify of a collection is running: set for its duration
 * by the collection, under the collection's lock, so that the collection's query can tell
 * the update's own lookup from a reader's (see {@link DocumentCopies}).
 */
final class Updating {

	private boolean running;

	<T> T during(Supplier<T> update) {
		this.running = true;
		try {
			return update.get();
		}
		finally {
			this.running = false;
		}
	}

	boolean isRunning() {
		return this.running;
	}

}
