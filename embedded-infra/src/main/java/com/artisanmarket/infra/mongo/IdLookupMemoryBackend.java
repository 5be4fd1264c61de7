package com.artisanmarket.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

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

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Iterable<Integer> byId = PinnedId.positions(getIndexes(), query);
			if (byId == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
