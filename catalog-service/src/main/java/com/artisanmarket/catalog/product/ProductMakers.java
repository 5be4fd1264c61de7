package com.artisanmarket.catalog.product;

import java.util.List;

import com.artisanmarket.catalog.artisan.ArtisanChanged;
import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.search.Folding;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's copy of its maker current: name and city (shown, and searched),
 * country (filtered) and verification status (a suspended artisan's products leave the
 * listings and come back when reinstated).
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
			.set("artisanStatus", artisan.status())
			.set("artisanKeywords",
					Folding.keywords(List.of(String.valueOf(artisan.displayName()), String.valueOf(artisan.city()))));
		this.mongo.updateMulti(new Query(Criteria.where("artisanId").is(artisan.id())), update, Product.class);
	}

}
