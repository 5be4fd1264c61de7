package com.artisanmarket.infra.mongo;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the documents a query can match through the {@code _id} index when the query pins
 * {@code _id} beside other conditions. The server uses an index only when a query's
 * fields are exactly the index's, so {@code {_id: X, version: 3}} – every conditional
 * write of the saga – scanned the whole collection, and each order cost more the more
 * products and orders were stored. Matching the whole query on the one document found by
 * {@code _id} gives the same answer at a constant cost.
 */
final class PinnedId {

	private static final String ID = "_id";

	private static final String AND = "$and";

	private static final LongAdder lookups = new LongAdder();

	private PinnedId() {
	}

	/**
	 * @return the positions of the documents whose {@code _id} the query pins (a superset
	 * of the matches; the caller matches the whole query on them), or {@code null} when
	 * the query does not pin {@code _id} or already names nothing but {@code _id}
	 */
	static <P> Iterable<P> positions(List<Index<P>> indexes, Document query) {
		Document pin = pin(query);
		if (pin == null) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (isIdIndex(index) && index.canHandle(pin)) {
				lookups.increment();
				return index.getPositions(pin);
			}
		}
		return null;
	}

	/**
	 * @return {@code {_id: value}} when the query holds that condition at its top level
	 * or in a top-level {@code $and} (as the driver's {@code Filters.and} writes it),
	 * beside other conditions; otherwise {@code null}
	 */
	private static Document pin(Document query) {
		if (query.size() > 1 && query.containsKey(ID)) {
			return new Document(ID, query.get(ID));
		}
		if (query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document condition && condition.size() == 1 && condition.containsKey(ID)) {
					return condition;
				}
			}
		}
		return null;
	}

	/** How many queries were answered through the {@code _id} index by this process. */
	static long lookups() {
		return lookups.sum();
	}

	private static boolean isIdIndex(Index<?> index) {
		return index.getKeys().size() == 1 && ID.equals(index.getKeys().getFirst().getKey());
	}

}
