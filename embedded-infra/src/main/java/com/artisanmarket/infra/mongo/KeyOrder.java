package com.artisanmarket.infra.mongo;

import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
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
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of a unique index's keys in its map: element by element, then the shorter key
 * first. Two keys are equal exactly when their values are equal, type included, as they
 * were when H2 compared the keys' serialized bytes (the server stores keys normalized,
 * every number that fits a double as a Double, so {@code 1} and {@code 1.0} meet).
 * {@link ValueComparator} is not used: it orders arrays by their smallest element, so
 * {@code [1, 2]} and {@code [1, 3]} would be one key, and it cannot compare regular
 * expressions. Types follow MongoDB's comparison order.
 */
final class KeyOrder {

	private KeyOrder() {
	}

	static int compare(KeyValue a, KeyValue b) {
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			int order = compareValues(a.get(i), b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	static int compareValues(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		int typeOrder = Integer.compare(rank(a), rank(b));
		if (typeOrder != 0) {
			return typeOrder;
		}
		return switch (a) {
			case Number number -> compareNumbers(number, (Number) b);
			case String text -> text.compareTo((String) b);
			case Document document -> compareDocuments(document, (Document) b);
			case List<?> list -> compareLists(list, (List<?>) b);
			case BinData binary -> binary.compareTo((BinData) b);
			case LegacyUUID uuid -> uuid.compareTo((LegacyUUID) b);
			case UUID uuid -> uuid.compareTo((UUID) b);
			case ObjectId id -> id.compareTo((ObjectId) b);
			case Boolean bool -> bool.compareTo((Boolean) b);
			case Instant instant -> instant.compareTo((Instant) b);
			case BsonTimestamp timestamp -> timestamp.compareTo((BsonTimestamp) b);
			case BsonRegularExpression regex -> compareRegularExpressions(regex, (BsonRegularExpression) b);
			case BsonJavaScript code -> code.getCode().compareTo(((BsonJavaScript) b).getCode());
			case MinKey min -> 0;
			case MaxKey max -> 0;
			default -> compareOthers(a, b);
		};
	}

	private static int rank(Object value) {
		return switch (value) {
			case MinKey min -> 0;
			case null -> 1;
			case Number number -> 2;
			case String text -> 3;
			case Document document -> 4;
			case List<?> list -> 5;
			case BinData binary -> 6;
			case LegacyUUID uuid -> 7;
			case UUID uuid -> 8;
			case ObjectId id -> 9;
			case Boolean bool -> 10;
			case Instant instant -> 11;
			case BsonTimestamp timestamp -> 12;
			case BsonRegularExpression regex -> 13;
			case BsonJavaScript code -> 14;
			case MaxKey max -> 15;
			default -> 16;
		};
	}

	/** By value, then by type, so that a Long and a Double of one value stay two keys. */
	private static int compareNumbers(Number a, Number b) {
		int order = Double.compare(a.doubleValue(), b.doubleValue());
		if (order != 0) {
			return order;
		}
		if (a.getClass() != b.getClass()) {
			return a.getClass().getName().compareTo(b.getClass().getName());
		}
		return switch (a) {
			case Double number -> 0;
			case Long number -> Long.compare(number, (Long) b);
			case Decimal128 decimal -> compareDecimals(decimal, (Decimal128) b);
			default -> compareOthers(a, b);
		};
	}

	/** {@code 1.0} and {@code 1.00} are equal in value but stored apart. */
	private static int compareDecimals(Decimal128 a, Decimal128 b) {
		int order = a.compareTo(b);
		if (order != 0) {
			return order;
		}
		order = Long.compare(a.getHigh(), b.getHigh());
		return (order != 0) ? order : Long.compare(a.getLow(), b.getLow());
	}

	private static int compareDocuments(Document a, Document b) {
		Iterator<Map.Entry<String, Object>> fieldsOfB = b.entrySet().iterator();
		for (Map.Entry<String, Object> fieldOfA : a.entrySet()) {
			if (!fieldsOfB.hasNext()) {
				return 1;
			}
			Map.Entry<String, Object> fieldOfB = fieldsOfB.next();
			int order = fieldOfA.getKey().compareTo(fieldOfB.getKey());
			if (order == 0) {
				order = compareValues(fieldOfA.getValue(), fieldOfB.getValue());
			}
			if (order != 0) {
				return order;
			}
		}
		return fieldsOfB.hasNext() ? -1 : 0;
	}

	private static int compareLists(List<?> a, List<?> b) {
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			int order = compareValues(a.get(i), b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	private static int compareRegularExpressions(BsonRegularExpression a, BsonRegularExpression b) {
		int order = a.getPattern().compareTo(b.getPattern());
		return (order != 0) ? order : compareNullable(a.getOptions(), b.getOptions());
	}

	private static int compareNullable(String a, String b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		return a.compareTo(b);
	}

	/**
	 * Types the server does not put in keys: by class, then as H2 compared them before,
	 * which is a consistent order for any serializable value.
	 */
	@SuppressWarnings("unchecked")
	private static int compareOthers(Object a, Object b) {
		if (a.getClass() != b.getClass()) {
			return a.getClass().getName().compareTo(b.getClass().getName());
		}
		if (a instanceof Comparable<?> comparable) {
			return ((Comparable<Object>) comparable).compareTo(b);
		}
		return Arrays.compareUnsigned(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
	}

}
