package com.artisanmarket.infra.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Tells whether mongo-java-server's BSON encoder and decoder give back exactly the value
 * they were given. Everything a client sends does, but the server makes values of its
 * own: {@code $currentDate} keeps microseconds, which BSON dates do not; a value of a
 * type the encoder does not know would fail to encode. Those are stored Java-serialized,
 * as before, rather than changed.
 */
final class LosslessBson {

	private static final Set<Class<?>> EXACT_TYPES = Set.of(String.class, Integer.class, Long.class, Double.class,
			Boolean.class, Decimal128.class, ObjectId.class, BinData.class, UUID.class, LegacyUUID.class,
			BsonTimestamp.class, BsonJavaScript.class, MinKey.class, MaxKey.class);

	/** BSON dates are milliseconds in a long. */
	private static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1000 - 1;

	private LosslessBson() {
	}

	static boolean holds(Document document) {
		for (Map.Entry<String, Object> field : document.entrySet()) {
			if (!isCString(field.getKey()) || !holdsValue(field.getValue())) {
				return false;
			}
		}
		return true;
	}

	static boolean holdsAll(Iterable<?> values) {
		for (Object value : values) {
			if (!holdsValue(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean holdsValue(Object value) {
		if (value == null || EXACT_TYPES.contains(value.getClass())) {
			return true;
		}
		return switch (value) {
			case Document document -> holds(document);
			case List<?> list -> holdsAll(list);
			case Instant instant ->
				instant.getNano() % 1_000_000 == 0 && Math.abs(instant.getEpochSecond()) < MAX_EPOCH_SECONDS;
			case BsonRegularExpression regex -> isCString(regex.getPattern()) && isCString(regex.getOptions());
			default -> false;
		};
	}

	/** Field names and regular expressions are written as NUL-terminated strings. */
	private static boolean isCString(String text) {
		return text != null && text.indexOf('\0') < 0;
	}

}
