package com.artisanmarket.infra.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;

/**
 * The H2 file backend, made to commit a command's changes before the command is answered,
 * to look documents up by {@code _id} whenever a query pins it (see {@link PinnedId}),
 * and to store documents and unique index keys as BSON (see {@link StorageFormat}). The
 * stock backend commits about once a second, so a write the driver saw acknowledged could
 * be lost when the process was killed; here the changes have reached the operating system
 * before the acknowledgement leaves, which a process kill cannot undo. (A power cut can:
 * like MongoDB with {@code j: false}, the file is not fsynced on each write.)
 */
final class DurableH2Backend extends H2Backend {

	/**
	 * Upgrades the store's maps to BSON first: H2Backend's constructor opens every
	 * database it finds.
	 */
	DurableH2Backend(MVStore store) {
		super(StorageFormat.upgrade(store));
	}

	/**
	 * Runs a command holding the store version it began with, and commits its changes. A
	 * query streams the collection's pages as they were when it began, while other
	 * commands write new versions of those pages and leave old chunks dead; H2 keeps only
	 * a few versions back, so without the hold a chunk the query had still to read could
	 * be freed under it ({@code Chunk ... not found}: a search index rebuild over 100,000
	 * products failed so on a store written earlier).
	 */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		MVStore store = getMvStore();
		TxCounter held = store.registerVersionUsage();
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			store.deregisterVersionUsage(held);
			if (store.hasUnsavedChanges()) {
				store.commit();
			}
		}
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	/**
	 * An inner class because H2Database's constructor opens the collections and indexes,
	 * through the methods below, before a field of this class could be set; the store is
	 * reached through the enclosing backend, whose H2Backend part is built by then.
	 */
	private final class Database extends H2Database {

		Database(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			MVStore store = getMvStore();
			return new Collection(this, collectionName, options,
					StorageFormat.openDataMap(store, StorageFormat.DATA_MAP_PREFIX + fullName),
					store.openMap(StorageFormat.META_MAP_PREFIX + fullName), this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			String mapName = getFullCollectionNamespace(collectionName) + StorageFormat.INDEX_MAP_INFIX + indexName;
			return new MapUniqueIndex(StorageFormat.openIndexMap(getMvStore(), mapName), indexName, keys, sparse);
		}

	}

	private static final class Collection extends H2Collection {

		/**
		 * Set while an update or a findAndModify of this collection runs, under the
		 * collection's lock: its query then hands over copies, and the copy it changes is
		 * stored (see {@link DocumentCopies}).
		 */
		private final Updating updating = new Updating();

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
				boolean isMulti, boolean isUpsert, Oplog oplog) {
			return this.updating
				.during(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			return this.updating.during(() -> super.findAndModify(query));
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Iterable<Object> byId = PinnedId.positions(getIndexes(), query);
			QueryResult matched = (byId != null)
					? matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector)
					: super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			return this.updating.isRunning() ? DocumentCopies.of(matched) : matched;
		}

	}

}
