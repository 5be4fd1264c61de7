package com.artisanmarket.artisan.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.support.messaging.AppliedEvents;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each artisan's sales, folded from {@code order-events}: a confirmed order counts, a
 * cancellation of a confirmed order takes it back, a delivery is counted as delivered.
 * Amounts are kept in minor units (cents) so that sums are exact. One document per
 * artisan, changed by one conditional upsert per event, so an event delivered twice
 * counts once.
 */
@Component
public class SalesStatistics {

	static final String COLLECTION = "artisan_stats";

	private final MongoOperations mongo;

	SalesStatistics(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Folds an order event into the statistics of every artisan with lines in it.
	 * @param envelope the event's envelope
	 * @param event the event
	 */
	void apply(EventEnvelope<?> envelope, OrderEvent event) {
		switch (event) {
			case OrderConfirmed confirmed -> byArtisan(confirmed.lines())
				.forEach((artisanId, lines) -> change(artisanId, envelope.id(), sale(lines, confirmed.placedAt(), 1)));
			case OrderCancelled cancelled when cancelled.wasConfirmed() -> byArtisan(cancelled.lines())
				.forEach((artisanId, lines) -> change(artisanId, envelope.id(), sale(lines, cancelled.placedAt(), -1)));
			case OrderDelivered delivered -> byArtisan(delivered.lines()).forEach(
					(artisanId, lines) -> change(artisanId, envelope.id(), new Update().inc("deliveredOrders", 1)));
			default -> {
			}
		}
	}

	private static Update sale(List<OrderLine> lines, Instant placedAt, int sign) {
		String month = YearMonth.from(placedAt.atOffset(ZoneOffset.UTC)).toString();
		Update update = new Update().inc("orders", sign).inc("monthly." + month + ".orders", sign);
		for (OrderLine line : lines) {
			long cents = minorUnits(line.lineTotal()) * sign;
			int units = line.quantity() * sign;
			String currency = line.lineTotal().currency();
			String product = "products." + line.productId();
			update.inc("unitsSold", units)
				.inc("revenue." + currency, cents)
				.inc("monthly." + month + ".unitsSold", units)
				.inc("monthly." + month + ".revenue." + currency, cents)
				.set(product + ".title", line.title())
				.inc(product + ".unitsSold", units)
				.inc(product + ".revenue." + currency, cents);
		}
		return update;
	}

	private void change(String artisanId, String eventId, Update update) {
		Query query = new Query(Criteria.where("_id").is(artisanId).andOperator(AppliedEvents.notYet(eventId)));
		try {
			this.mongo.upsert(query, AppliedEvents.mark(update, eventId), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// Applied before: a redelivery changes nothing.
		}
	}

	/** The statistics of one artisan, empty ones when nothing was sold yet. */
	SalesView of(String artisanId) {
		Document stats = Optional.ofNullable(this.mongo.findById(artisanId, Document.class, COLLECTION))
			.orElseGet(Document::new);
		List<SalesView.ProductSales> products = new ArrayList<>();
		stats.get("products", new Document()).forEach((productId, value) -> {
			Document product = (Document) value;
			products.add(new SalesView.ProductSales(productId, product.getString("title"), number(product, "unitsSold"),
					money(product.get("revenue", new Document()))));
		});
		products.sort(Comparator.comparingLong(SalesView.ProductSales::unitsSold).reversed());
		Map<String, MonthlyRating> reviews = Ratings.monthly(stats);
		Document sales = stats.get("monthly", new Document());
		Set<String> monthNames = new TreeSet<>(sales.keySet());
		monthNames.addAll(reviews.keySet());
		List<SalesView.Month> months = new ArrayList<>();
		for (String month : monthNames) {
			Document bucket = sales.get(month, new Document());
			MonthlyRating rated = reviews.getOrDefault(month, new MonthlyRating(month, 0, 0));
			months.add(new SalesView.Month(month, number(bucket, "orders"), number(bucket, "unitsSold"),
					money(bucket.get("revenue", new Document())), rated.count(),
					Ratings.Rating.of(rated.sum(), rated.count())));
		}
		return new SalesView(artisanId, number(stats, "orders"), number(stats, "deliveredOrders"),
				number(stats, "unitsSold"), money(stats.get("revenue", new Document())),
				products.stream().filter((product) -> product.unitsSold() > 0).limit(5).toList(), Ratings.of(stats),
				FavouriteCounts.of(stats), MasterclassSales.of(stats), months);
	}

	private static Map<String, List<OrderLine>> byArtisan(List<OrderLine> lines) {
		Map<String, List<OrderLine>> grouped = new LinkedHashMap<>();
		lines.forEach((line) -> grouped.computeIfAbsent(line.artisanId(), (id) -> new ArrayList<>()).add(line));
		return grouped;
	}

	private static long minorUnits(Money money) {
		return money.amount().movePointRight(2).longValueExact();
	}

	private static List<Money> money(Document revenue) {
		List<Money> amounts = new ArrayList<>();
		revenue.forEach((currency, cents) -> amounts
			.add(new Money(BigDecimal.valueOf(((Number) cents).longValue(), 2), currency)));
		amounts.sort(Comparator.comparing(Money::currency));
		return amounts;
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
