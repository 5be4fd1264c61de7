package com.artisanmarket.infra.mongo;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a collection's data map and its unique indexes' maps with the BSON types
 * ({@link DocumentDataType}, {@link IndexKeyDataType}), and upgrades, once, the maps that
 * the stock backend or this one before it wrote with H2's Java serialization.
 *
 * <p>
 * A small format map records every map that holds BSON by its id, which a map keeps when
 * it is renamed, as the conversion renames its copy. A data or index map that exists
 * without a record is converted before it is opened: its entries are copied into a new
 * map, which is recorded before its first entry, replaces the old one and is committed.
 * Whatever part of that a commit in between (a big copy commits as it grows) and a crash
 * leave, the next start repairs: while the old map exists it is whole, and the copy is
 * dropped and made again; once it is gone the copy is whole and takes its name. (MVStore
 * itself repairs a rename cut short when it opens the file.) The upgrade is one-way: the
 * stock backend cannot read BSON maps.
 */
final class StorageFormat {

	/** The names H2Database gives a collection's maps (mongo-java-server 1.47). */
	static final String DATA_MAP_PREFIX = "databases.";

	static final String META_MAP_PREFIX = "meta.";

	static final String INDEX_MAP_INFIX = "._index_";

	/** Database names cannot hold a '$', so the server never makes or drops these. */
	static final String FORMAT_MAP = "$storage.formats";

	static final String COPY_PREFIX = "$upgrade.";

	private static final int BSON = 1;

	/**
	 * MVStore's key for a map's id in its metadata, which {@link MVStore#hasMap} reads.
	 */
	private static final String META_NAME = "name.";

	private static final Logger logger = LoggerFactory.getLogger(StorageFormat.class);

	private StorageFormat() {
	}

	/**
	 * Converts every data and index map not yet in BSON, before the backend opens the
	 * databases. Maps whose names are ambiguous (a database named {@code meta}) are
	 * converted when the backend opens them.
	 * @param store the store to upgrade
	 * @return the store
	 */
	static MVStore upgrade(MVStore store) {
		forgetRemovedMaps(store);
		for (String name : new TreeSet<>(store.getMapNames())) {
			String target = name.startsWith(COPY_PREFIX) ? name.substring(COPY_PREFIX.length()) : name;
			if (target.startsWith(DATA_MAP_PREFIX)) {
				openDataMap(store, target);
			}
			else if (isIndexMap(target)) {
				openIndexMap(store, target);
			}
		}
		if (store.hasUnsavedChanges()) {
			store.commit();
		}
		return store;
	}

	static MVMap<Object, Document> openDataMap(MVStore store, String name) {
		return open(store, name, () -> new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE));
	}

	static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
		return open(store, name, () -> new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyDataType.INSTANCE));
	}

	static boolean isBson(MVStore store, String name) {
		Integer id = idOf(store, name);
		return id != null && formats(store).containsKey(id);
	}

	/** Records that a map holds BSON, before anything is written to it. */
	static void recordBson(MVStore store, MVMap<?, ?> map) {
		formats(store).putIfAbsent(map.getId(), BSON);
	}

	/**
	 * Copies a map written with H2's default types into one of the given types, which
	 * then takes its name.
	 */
	static <K, V> void convert(MVStore store, String name, Supplier<MVMap.Builder<K, V>> types) {
		MVMap<K, V> old = store.openMap(name);
		MVMap<K, V> copy = store.openMap(COPY_PREFIX + name, types.get());
		recordBson(store, copy);
		copyEntries(store, old, copy);
		long entries = copy.sizeAsLong();
		if (entries != old.sizeAsLong()) {
			throw new IllegalStateException(
					"Converting map " + name + " would keep " + entries + " of " + old.sizeAsLong() + " entries");
		}
		store.removeMap(old);
		store.renameMap(copy, name);
		store.commit();
		logger.info("Converted map {} ({} entries) from Java serialization to BSON", name, entries);
	}

	/**
	 * Copies while holding the store's current version: the copy commits as it grows, and
	 * on a store whose background housekeeping runs (the server does not run it), live
	 * pages are moved out of sparse chunks meanwhile; a chunk the old map's pages were
	 * moved out of would otherwise be freed under the iteration ("Chunk not found"), as
	 * H2 keeps only a few versions back.
	 */
	private static <K, V> void copyEntries(MVStore store, MVMap<K, V> from, MVMap<K, V> to) {
		TxCounter usage = store.registerVersionUsage();
		try {
			for (Map.Entry<K, V> entry : from.entrySet()) {
				to.put(entry.getKey(), entry.getValue());
			}
		}
		finally {
			store.deregisterVersionUsage(usage);
		}
	}

	private static boolean isIndexMap(String name) {
		return name.contains(INDEX_MAP_INFIX) && !name.startsWith(META_MAP_PREFIX) && !name.startsWith("$");
	}

	private static <K, V> MVMap<K, V> open(MVStore store, String name, Supplier<MVMap.Builder<K, V>> types) {
		if (store.hasMap(COPY_PREFIX + name)) {
			resume(store, name, types);
		}
		if (store.hasMap(name) && !isBson(store, name)) {
			convert(store, name, types);
		}
		MVMap<K, V> map = store.openMap(name, types.get());
		recordBson(store, map);
		return map;
	}

	/** Finishes or undoes what a crash left of a conversion. */
	private static <K, V> void resume(MVStore store, String name, Supplier<MVMap.Builder<K, V>> types) {
		MVMap<K, V> copy = store.openMap(COPY_PREFIX + name, types.get());
		if (store.hasMap(name)) {
			// The old map is whole, the copy maybe not: convert again.
			store.removeMap(copy);
		}
		else {
			// The old map was removed after the last entry was copied.
			store.renameMap(copy, name);
			logger.info("Finished converting map {} to BSON", name);
		}
		store.commit();
	}

	private static MVMap<Integer, Integer> formats(MVStore store) {
		return store.openMap(FORMAT_MAP);
	}

	private static Integer idOf(MVStore store, String name) {
		String hexId = store.getMetaMap().get(META_NAME + name);
		return (hexId != null) ? Integer.parseInt(hexId, 16) : null;
	}

	/** Drops the records of maps that were removed since (dropped collections). */
	private static void forgetRemovedMaps(MVStore store) {
		MVMap<Integer, Integer> formats = formats(store);
		List<Integer> removed = formats.keySet().stream().filter((id) -> store.getMapName(id) == null).toList();
		removed.forEach(formats::remove);
	}

}
