package com.artisanmarket.artisan.stats;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps, in an artisan's statistics document, the newest copy of figures that their
 * events carry whole at a version (a product's rating, its favourites): a copy is written
 * only over an older version, so a redelivered or reordered event changes nothing.
 */
@Component
class NewestCopies {

	private final MongoOperations mongo;

	NewestCopies(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param field where the copy lives, e.g. {@code ratings.<productId>}
	 * @param copy the figures, with their {@code version}
	 */
	void keep(String artisanId, String field, Document copy) {
		Query older = new Query(Criteria.where("_id")
			.is(artisanId)
			.orOperator(Criteria.where(field + ".version").lt(copy.get("version")),
					Criteria.where(field).exists(false)));
		try {
			this.mongo.upsert(older, new Update().set(field, copy), SalesStatistics.COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// The artisan's document holds a newer copy: nothing to do.
		}
	}

}
