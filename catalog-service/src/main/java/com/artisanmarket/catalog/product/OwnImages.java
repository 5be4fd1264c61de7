package com.artisanmarket.catalog.product;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps a product's pictures to the marketplace's own uploads for its artisan's products.
 * An address elsewhere would make every buyer's browser call a site the listing chose (a
 * tracker), and another artisan's upload would show their work as this one's. An upload
 * records the product it was uploaded for, and a product never changes artisan, so the
 * artisan of that product is the artisan the picture belongs to; one of their pictures
 * may be shown on any of their products.
 */
@Component
class OwnImages {

	private final ImageUploads uploads;

	private final MongoOperations mongo;

	OwnImages(ImageUploads uploads, MongoOperations mongo) {
		this.uploads = uploads;
		this.mongo = mongo;
	}

	/**
	 * Fails with the first image that is not an upload for one of the artisan's products;
	 * otherwise records that the product is about to show them, so that they are kept.
	 * @throws InvalidFieldException naming the image ({@code images[i]})
	 */
	void check(List<String> images, String artisanId, String productId) {
		if (images.isEmpty()) {
			return;
		}
		Map<String, String> uploadedFor = this.uploads.productsOf(images);
		Set<String> artisansProducts = ofArtisan(new HashSet<>(uploadedFor.values()), artisanId);
		for (int i = 0; i < images.size(); i++) {
			String product = uploadedFor.get(images.get(i));
			if (product == null || !artisansProducts.contains(product)) {
				throw notOwn(i);
			}
		}
		Set<String> gone = this.uploads.show(images, productId);
		for (int i = 0; i < images.size(); i++) {
			if (gone.contains(images.get(i))) {
				throw notOwn(i);
			}
		}
	}

	/** Records that a product no longer shows the images it showed before a change. */
	void replaced(List<String> before, List<String> after) {
		if (before == null) {
			return;
		}
		List<String> takenOff = before.stream().filter((image) -> !after.contains(image)).toList();
		if (!takenOff.isEmpty()) {
			this.uploads.takenOff(takenOff);
		}
	}

	private static InvalidFieldException notOwn(int index) {
		return new InvalidFieldException("images[" + index + "]",
				"must be a picture uploaded to one of this artisan's products (/media/…)");
	}

	/**
	 * Those of the products that are the artisan's. Looked up by {@code _id} alone and
	 * filtered here: the embedded server scans for a filter that pins more
	 * (docs/architecture.md, 'Known limits of the embedded MongoDB server').
	 */
	private Set<String> ofArtisan(Set<String> productIds, String artisanId) {
		if (productIds.isEmpty()) {
			return Set.of();
		}
		return this.mongo.find(new Query(Criteria.where("_id").in(productIds)), Product.class)
			.stream()
			.filter((product) -> artisanId.equals(product.artisanId()))
			.map(Product::id)
			.collect(Collectors.toSet());
	}

}
