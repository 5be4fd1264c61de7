package com.artisanmarket.infra.mongo;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A rough estimate of the heap a stored value takes. MVStore sizes its page cache and
 * splits pages by these estimates, so they should track the value; H2 samples them, so
 * walking the value is cheap enough.
 */
final class HeapSize {

	private static final int OBJECT = 24;

	private static final int MAP_ENTRY = 40;

	private static final int REFERENCE = 8;

	private HeapSize() {
	}

	static int of(Object value) {
		return switch (value) {
			case null -> 0;
			case String text -> 2 * OBJECT + text.length();
			case Document document -> ofDocument(document);
			case List<?> list -> ofAll(list, list.size());
			case KeyValue key -> ofAll(key, key.size());
			case BinData binary -> 2 * OBJECT + binary.getData().length;
			default -> OBJECT;
		};
	}

	private static int ofDocument(Document document) {
		int size = 3 * OBJECT;
		for (Map.Entry<String, Object> field : document.entrySet()) {
			size += MAP_ENTRY + of(field.getKey()) + of(field.getValue());
		}
		return size;
	}

	private static int ofAll(Iterable<?> values, int count) {
		int size = 2 * OBJECT + count * REFERENCE;
		for (Object value : values) {
			size += of(value);
		}
		return size;
	}

}
