package com.artisanmarket.artisan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Each artisan's ratings over all their products, folded from the review events of
 * {@code catalog-events}. A review event carries its product's whole rating at a version;
 * the artisan's statistics document keeps the newest one per product
 * ({@code ratings.<productId>}, see {@link NewestCopies}). The artisan's rating is the
 * sum over their products.
 */
@Component
public class Ratings {

	private final MongoOperations mongo;

	private final NewestCopies copies;

	Ratings(MongoOperations mongo, NewestCopies copies) {
		this.mongo = mongo;
		this.copies = copies;
	}

	void apply(ReviewEvent event) {
		Document months = new Document();
		event.productRating()
			.months()
			.forEach((month) -> months.put(month.month(),
					new Document("count", month.count()).append("sum", month.sum())));
		this.copies.keep(event.artisanId(), "ratings." + event.productId(),
				new Document("version", event.productRating().version()).append("count", event.productRating().count())
					.append("sum", event.productRating().sum())
					.append("months", months));
	}

	/** An artisan's rating over all their products' visible reviews. */
	public Rating of(String artisanId) {
		Query query = new Query(Criteria.where("_id").is(artisanId));
		query.fields().include("ratings");
		return of(Optional.ofNullable(this.mongo.findOne(query, Document.class, SalesStatistics.COLLECTION))
			.orElseGet(Document::new));
	}

	static Rating of(Document stats) {
		long count = 0;
		long sum = 0;
		for (Object value : stats.get("ratings", new Document()).values()) {
			Document product = (Document) value;
			count += ((Number) product.get("count")).longValue();
			sum += ((Number) product.get("sum")).longValue();
		}
		return Rating.of(sum, count);
	}

	/** Reviews and stars per month over all the artisan's products. */
	static Map<String, MonthlyRating> monthly(Document stats) {
		Map<String, long[]> months = new TreeMap<>();
		for (Object value : stats.get("ratings", new Document()).values()) {
			((Document) value).get("months", new Document()).forEach((month, figures) -> {
				long[] total = months.computeIfAbsent(month, (key) -> new long[2]);
				total[0] += ((Number) ((Document) figures).get("count")).longValue();
				total[1] += ((Number) ((Document) figures).get("sum")).longValue();
			});
		}
		Map<String, MonthlyRating> monthly = new TreeMap<>();
		months.forEach((month, total) -> monthly.put(month, new MonthlyRating(month, (int) total[0], total[1])));
		return monthly;
	}

	/**
	 * Stars as the API shows them.
	 *
	 * @param average mean stars to one decimal, {@code null} without reviews
	 * @param count visible reviews
	 */
	public record Rating(BigDecimal average, long count) {

		public static final Rating NONE = new Rating(null, 0);

		static Rating of(long sum, long count) {
			return new Rating((count > 0)
					? BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP) : null, count);
		}

	}

}
