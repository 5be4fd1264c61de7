package com.artisanmarket.catalog.product;

import com.artisanmarket.catalog.artisan.ArtisanChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's copy of its maker current: name and city (shown), country
 * (filtered) and verification status (a suspended artisan's products leave the listings
 * and come back when reinstated).
 */
@Component
class ProductMakers {

	private final ProductWrites writes;

	ProductMakers(ProductWrites writes) {
		this.writes = writes;
	}

	@EventListener
	void on(ArtisanChanged changed) {
		this.writes.copyMaker(changed.artisan());
	}

}
