package com.artisanmarket.catalog.review;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.support.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every review of one product, in one document keyed by the product's id: a product's
 * reviews are listed, counted and changed with {@code _id} reads and writes only (no
 * query over a collection that grows with the business), and a change, the product's new
 * rating and the event that tells of it are one write. Each write is conditional on
 * {@code version}. {@code ratingCount} and {@code ratingSum} are kept beside the reviews
 * (over the ones that count) so that a product page reads two numbers, not every review.
 *
 * @param productId the product
 * @param artisanId the artisan profile that sells it
 * @param ownerId the account that listed it
 * @param reviews oldest first
 * @param ratingCount visible reviews
 * @param ratingSum their stars added up
 * @param version incremented by every write
 * @param outbox events not yet published
 */
@Document(ProductReviews.COLLECTION)
record ProductReviews(@Id String productId, String artisanId, String ownerId, List<Review> reviews, int ratingCount,
		long ratingSum, long version, List<OutboxEntry> outbox) {

	static final String COLLECTION = "reviews";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

	ProductReviews {
		reviews = (reviews != null) ? List.copyOf(reviews) : List.of();
		outbox = (outbox != null) ? outbox : List.of();
	}

	Optional<Review> find(String reviewId) {
		return this.reviews.stream().filter((review) -> review.id().equals(reviewId)).findFirst();
	}

	Optional<Review> byBuyer(String buyerId) {
		return this.reviews.stream().filter((review) -> review.buyerId().equals(buyerId)).findFirst();
	}

	/** The ratings of the reviews that count, as of the given version. */
	static ProductRating rating(List<Review> reviews, long version) {
		Map<String, long[]> months = new TreeMap<>();
		int count = 0;
		long sum = 0;
		for (Review review : reviews) {
			if (review.status().counts()) {
				count++;
				sum += review.rating();
				long[] month = months.computeIfAbsent(MONTH.format(review.createdAt()), (key) -> new long[2]);
				month[0]++;
				month[1] += review.rating();
			}
		}
		List<MonthlyRating> monthly = months.entrySet()
			.stream()
			.map((entry) -> new MonthlyRating(entry.getKey(), (int) entry.getValue()[0], entry.getValue()[1]))
			.toList();
		return new ProductRating(version, count, sum, monthly);
	}

}
