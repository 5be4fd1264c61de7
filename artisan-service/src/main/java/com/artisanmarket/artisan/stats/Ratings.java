package com.artisanmarket.artisan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each artisan's ratings over all their products, folded from the review events of
 * {@code catalog-events}. A review event carries its product's whole rating at a version;
 * the artisan's statistics document keeps the newest one per product
 * ({@code ratings.<productId>}), written only over an older version, so a redelivered or
 * reordered event changes nothing. The artisan's rating is the sum over their products.
 */
@Component
public class Ratings {

	private final MongoOperations mongo;

	Ratings(MongoOperations mongo) {
		this.mongo = mongo;
	}

	void apply(ReviewEvent event) {
		String field = "ratings." + event.productId();
		Document months = new Document();
		event.productRating()
			.months()
			.forEach((month) -> months.put(month.month(),
					new Document("count", month.count()).append("sum", month.sum())));
		Document rating = new Document("version", event.productRating().version())
			.append("count", event.productRating().count())
			.append("sum", event.productRating().sum())
			.append("months", months);
		Query older = new Query(Criteria.where("_id")
			.is(event.artisanId())
			.orOperator(Criteria.where(field + ".version").lt(event.productRating().version()),
					Criteria.where(field).exists(false)));
		try {
			this.mongo.upsert(older, new Update().set(field, rating), SalesStatistics.COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// The artisan's document holds a newer rating of the product: nothing to do.
		}
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
