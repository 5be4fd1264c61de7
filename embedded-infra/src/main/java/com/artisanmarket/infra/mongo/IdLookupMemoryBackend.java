package com.artisanmarket.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The in-memory backend for tests, with the same {@code _id} lookups as the file-backed
 * one (see {@link PinnedId}), so tests exercise the query path the marketplace runs.
 */
final class IdLookupMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {

			@Override
			protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
				return new Collection(this, collectionName, options, this.cursorRegistry);
			}

		};
	}

	private static final class Collection extends MemoryCollection {

		/**
		 * Set while an update or a findAndModify of this collection runs, under the
		 * collection's lock: its query then hands over the documents held, which it
		 * changes in place (as the in-memory collection keeps an update); any other query
		 * hands over copies (see {@link DocumentCopies}).
		 */
		private final Updating updating = new Updating();

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
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
			Iterable<Integer> byId = PinnedId.positions(getIndexes(), query);
			QueryResult matched = (byId != null)
					? matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector)
					: super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			return this.updating.isRunning() ? matched : DocumentCopies.of(matched);
		}

	}

}
