package com.artisanmarket.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend, made to commit a command's changes before the command is answered.
 * The stock backend commits about once a second, so a write the driver saw acknowledged
 * could be lost when the process was killed; here the changes have reached the operating
 * system before the acknowledgement leaves, which a process kill cannot undo. (A power
 * cut can: like MongoDB with {@code j: false}, the file is not fsynced on each write.)
 */
final class DurableH2Backend extends H2Backend {

	private final MVStore store;

	DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			if (this.store.hasUnsavedChanges()) {
				this.store.commit();
			}
		}
	}

}
