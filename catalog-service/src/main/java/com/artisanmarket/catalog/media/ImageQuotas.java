package com.artisanmarket.catalog.media;

import com.artisanmarket.support.web.ConflictException;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What each artisan keeps stored, counted in one document per artisan so that a quota
 * check is one conditional write by {@code _id} (no count over the stored files, which
 * would scan them). A photo is counted before it is stored and uncounted after it is
 * deleted, so a crash in between leaves an artisan counted too high, never too low.
 */
@Component
class ImageQuotas {

	static final String COLLECTION = "imageQuotas";

	private static final String IMAGES = "images";

	private static final String BYTES = "bytes";

	private final MongoOperations mongo;

	private final ImageSettings settings;

	ImageQuotas(MongoOperations mongo, ImageSettings settings) {
		this.mongo = mongo;
		this.settings = settings;
	}

	/**
	 * Counts a photo against the artisan's quota.
	 * @throws ConflictException when it would take the artisan beyond it
	 */
	void take(String artisanId, long bytes) {
		Query artisan = new Query(Criteria.where("_id").is(artisanId));
		this.mongo.upsert(artisan, new Update().setOnInsert(IMAGES, 0).setOnInsert(BYTES, 0L), COLLECTION);
		long maxBytes = this.settings.maxBytesPerArtisan().toBytes();
		Query withRoom = new Query(Criteria.where("_id")
			.is(artisanId)
			.and(IMAGES)
			.lt(this.settings.maxImagesPerArtisan())
			.and(BYTES)
			.lte(maxBytes - bytes));
		if (this.mongo.updateFirst(withRoom, new Update().inc(IMAGES, 1).inc(BYTES, bytes), COLLECTION)
			.getModifiedCount() == 0) {
			throw new ConflictException("An artisan may keep at most " + this.settings.maxImagesPerArtisan()
					+ " photos and " + this.settings.maxBytesPerArtisan().toMegabytes()
					+ " MB; remove photos from your products first (removed photos are deleted after "
					+ this.settings.orphanGrace().toHours() + " h).");
		}
	}

	void giveBack(String artisanId, long bytes) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(artisanId)),
				new Update().inc(IMAGES, -1).inc(BYTES, -bytes), COLLECTION);
	}

}
