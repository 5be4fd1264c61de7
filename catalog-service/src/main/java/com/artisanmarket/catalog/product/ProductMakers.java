package com.artisanmarket.catalog.product;

import com.artisanmarket.catalog.artisan.ArtisanChanged;
import com.artisanmarket.catalog.artisan.ArtisanSnapshot;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's copy of its maker current: name and city (shown), country
 * (filtered) and verification status (a suspended artisan's products leave the listings
 * and come back when reinstated).
 */
@Component
class ProductMakers {

	private final MongoOperations mongo;

	ProductMakers(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@EventListener
	void on(ArtisanChanged changed) {
		ArtisanSnapshot artisan = changed.artisan();
		Update update = new Update().set("artisanName", artisan.displayName())
			.set("artisanCity", artisan.city())
			.set("artisanCountry", artisan.country())
			.set("artisanStatus", artisan.status());
		this.mongo.updateMulti(new Query(Criteria.where("artisanId").is(artisan.id())), update, Product.class);
	}

}
