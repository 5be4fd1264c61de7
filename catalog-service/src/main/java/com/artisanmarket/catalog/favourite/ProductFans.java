package com.artisanmarket.catalog.favourite;

import java.util.List;

import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The buyers who keep one product among their favourites: the count's one source. Keyed
 * by the product, so a favourite is one read and one write conditional on {@code version}
 * of one document, with its event in the same write. Bound: 16 MB per document, some
 * 400,000 buyers per product.
 *
 * @param productId the product
 * @param artisanId the artisan profile that sells it
 * @param ownerId the account that listed it
 * @param fans the buyers' account ids
 * @param count how many
 * @param version incremented by every write
 * @param outbox events not yet published
 */
@Document(ProductFans.COLLECTION)
record ProductFans(@Id String productId, String artisanId, String ownerId, List<String> fans, int count, long version,
		List<OutboxEntry> outbox) {

	static final String COLLECTION = "product_fans";

	ProductFans {
		fans = (fans != null) ? List.copyOf(fans) : List.of();
		outbox = (outbox != null) ? outbox : List.of();
	}

	ProductFavourites favourites() {
		return new ProductFavourites(this.version, this.count);
	}

}
