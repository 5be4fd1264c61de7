package com.artisanmarket.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The file backend as it was before BSON storage, for {@link StorageFormatBenchmark}'s
 * baseline: H2's default, Java-serializing types, with {@link DurableH2Backend}'s commit
 * per command and {@code _id} lookups.
 */
final class JavaSerializingH2Backend extends H2Backend {

	JavaSerializingH2Backend(MVStore store) {
		super(store);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			MVStore store = getMvStore();
			if (store.hasUnsavedChanges()) {
				store.commit();
			}
		}
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		MVStore store = getMvStore();
		return new H2Database(databaseName, store, getCursorRegistry()) {

			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
				String fullName = getFullCollectionNamespace(collectionName);
				return new Collection(this, collectionName, options,
						store.openMap(StorageFormat.DATA_MAP_PREFIX + fullName),
						store.openMap(StorageFormat.META_MAP_PREFIX + fullName), this.cursorRegistry);
			}

		};
	}

	private static final class Collection extends H2Collection {

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Iterable<Object> byId = PinnedId.positions(getIndexes(), query);
			if (byId == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
