package com.artisanmarket.artisan.profile;

import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who owns a profile: what other features ask before showing an artisan's private data.
 */
@Component
public class ArtisanOwners {

	private final MongoOperations mongo;

	ArtisanOwners(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public Optional<String> ownerOf(String artisanId) {
		Query query = new Query(Criteria.where("_id").is(artisanId));
		query.fields().include("ownerId");
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, Artisan.COLLECTION))
			.map((artisan) -> artisan.getString("ownerId"));
	}

}
