package com.artisanmarket.artisan.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * How many buyers keep each of an artisan's products among their favourites, folded from
 * the favourite events of {@code catalog-events}: each carries its product's count at a
 * version, and the artisan's statistics document keeps the newest per product
 * ({@code favourites.<productId>}, see {@link NewestCopies}).
 */
@Component
class FavouriteCounts {

	private final NewestCopies copies;

	FavouriteCounts(NewestCopies copies) {
		this.copies = copies;
	}

	void apply(FavouriteEvent event) {
		Document copy = new Document("version", event.favourites().version()).append("count",
				event.favourites().count());
		if (event.title() != null) {
			copy.append("title", event.title());
		}
		this.copies.keep(event.artisanId(), "favourites." + event.productId(), copy);
	}

	/** The artisan's products that buyers keep, most kept first. */
	static List<SalesView.ProductFavourites> of(Document stats) {
		List<SalesView.ProductFavourites> products = new ArrayList<>();
		stats.get("favourites", new Document()).forEach((productId, value) -> {
			Document product = (Document) value;
			int count = ((Number) product.get("count")).intValue();
			if (count > 0) {
				products.add(new SalesView.ProductFavourites(productId, product.getString("title"), count));
			}
		});
		products.sort(Comparator.comparingInt(SalesView.ProductFavourites::count)
			.reversed()
			.thenComparing(SalesView.ProductFavourites::productId));
		return products;
	}

}
