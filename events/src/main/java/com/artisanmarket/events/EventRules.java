package com.artisanmarket.events;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.ProductArchived;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductUpdated;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.CatalogEvent.BookingEvent;
import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;

/**
 * The invariants every event must keep before any consumer acts on it: ids that are ids,
 * quantities positive and no larger than an order may ask for, prices that are not
 * negative and add up, and a type that the topic's owner publishes. Delivery is at least
 * once from any producer that can reach the broker, so a consumer cannot trust that an
 * event came from the code that was meant to write it: a {@code OrderPlaced} for −1000
 * units would otherwise add stock. Checks that need a consumer's own state (does this
 * order exist, did it ask for these lines) stay with that consumer.
 */
public final class EventRules {

	/** What an id looks like: order, product, artisan, account and event ids alike. */
	public static final String ID = "[A-Za-z0-9_-]{1,64}";

	/** The most units one order line may ask for (the HTTP API's bound too). */
	public static final int MAX_QUANTITY = 1000;

	/** The most lines one order may hold (the HTTP API's bound too). */
	public static final int MAX_LINES = 50;

	private static final Pattern id = Pattern.compile(ID);

	private static final Pattern currency = Pattern.compile("[A-Z]{3}");

	private static final Map<String, String> ownerOfTopic = Map.of(Topics.ARTISAN_EVENTS, "artisan-service",
			Topics.CATALOG_EVENTS, "catalog-service", Topics.ORDER_EVENTS, "order-service");

	private EventRules() {
	}

	/**
	 * Checks an event read from a topic.
	 * @param envelope the event
	 * @param topic the topic it was read from
	 * @throws InvalidEventException naming the first rule the event breaks
	 */
	public static void check(EventEnvelope<?> envelope, String topic) {
		Optional<String> broken = brokenRule(envelope, topic);
		if (broken.isPresent()) {
			throw new InvalidEventException(envelope.id(), envelope.type(), broken.get());
		}
	}

	/**
	 * The first rule an event read from a topic breaks.
	 * @param envelope the event
	 * @param topic the topic it was read from
	 * @return the rule in words, or empty when the event keeps them all
	 */
	public static Optional<String> brokenRule(EventEnvelope<?> envelope, String topic) {
		Rules rules = new Rules();
		rules.id("id", envelope.id());
		owner(rules, envelope, topic);
		rules.that(envelope.subject().equals(envelope.data().subject()),
				"subject must be the event's aggregate id " + envelope.data().subject());
		switch (envelope.data()) {
			case ArtisanRegistered e -> {
				rules.id("artisanId", e.artisanId());
				rules.id("ownerId", e.ownerId());
				rules.present("status", e.status());
			}
			case ArtisanProfileUpdated e -> {
				rules.id("artisanId", e.artisanId());
				rules.optionalId("ownerId", e.ownerId());
				rules.that(e.version() >= 1, "version must be at least 1, was " + e.version());
			}
			case ArtisanVerificationChanged e -> {
				rules.id("artisanId", e.artisanId());
				rules.optionalId("ownerId", e.ownerId());
				rules.present("status", e.status());
			}
			case ProductListed e -> product(rules, e.productId(), e.artisanId(), e.ownerId(), e.price(), e.stock());
			case ProductUpdated e -> product(rules, e.productId(), e.artisanId(), e.ownerId(), e.price(), e.stock());
			case ProductArchived e -> rules.id("productId", e.productId());
			case StockReserved e -> {
				rules.id("orderId", e.orderId());
				rules.that(e.lines() != null && !e.lines().isEmpty(), "a reservation holds at least one line");
				reservedLines(rules, e.lines());
			}
			case StockReservationFailed e -> {
				rules.id("orderId", e.orderId());
				rules.that(e.lines() != null && !e.lines().isEmpty(), "a failed reservation names the failing lines");
				failedLines(rules, e.lines());
			}
			case StockReleased e -> {
				rules.id("orderId", e.orderId());
				reservedLines(rules, e.lines());
			}
			case ReviewEvent e -> review(rules, e);
			case FavouriteEvent e -> favourite(rules, e);
			case BookingEvent e -> booking(rules, e);
			case MessagePosted e -> {
				rules.id("conversationId", e.conversationId());
				rules.that(e.seq() >= 1, "seq starts at 1, was " + e.seq());
				rules.id("buyerId", e.buyerId());
				rules.id("artisanId", e.artisanId());
				rules.id("ownerId", e.ownerId());
				if (rules.id("senderId", e.senderId())) {
					rules.that(e.senderId().equals(e.buyerId()) || e.senderId().equals(e.ownerId()),
							"the sender is the buyer or the artisan, was " + e.senderId());
				}
			}
			case OrderPlaced e -> order(rules, e.orderId(), e.buyerId(), e.lines(), e.total());
			case OrderConfirmed e -> order(rules, e.orderId(), e.buyerId(), e.lines(), e.total());
			case OrderCancelled e -> {
				order(rules, e.orderId(), e.buyerId(), e.lines(), e.total());
				rules.optionalId("cancelledBy", e.cancelledBy());
			}
			case OrderDelivered e -> order(rules, e.orderId(), e.buyerId(), e.lines(), e.total());
			case OrderRejected e -> {
				rules.id("orderId", e.orderId());
				rules.id("buyerId", e.buyerId());
			}
			case OrderShipped e -> {
				rules.id("orderId", e.orderId());
				rules.id("buyerId", e.buyerId());
				shipments(rules, e.shipments());
			}
		}
		return rules.broken();
	}

	/**
	 * Units per product, lines of the same product added up: what a reservation holds for
	 * an order's lines.
	 * @param lines an order's lines
	 * @return units by product id, in the order of the lines
	 */
	public static Map<String, Integer> unitsByProduct(List<OrderLine> lines) {
		Map<String, Integer> units = new LinkedHashMap<>();
		lines.forEach((line) -> units.merge(line.productId(), line.quantity(), Integer::sum));
		return units;
	}

	/**
	 * Units per product of reserved lines, lines of the same product added up.
	 * @param lines a reservation's lines
	 * @return units by product id, in the order of the lines
	 */
	public static Map<String, Integer> reservedUnitsByProduct(List<ReservedLine> lines) {
		Map<String, Integer> units = new LinkedHashMap<>();
		lines.forEach((line) -> units.merge(line.productId(), line.quantity(), Integer::sum));
		return units;
	}

	private static void owner(Rules rules, EventEnvelope<?> envelope, String topic) {
		String owner = ownerOfTopic.get(topic);
		if (owner == null) {
			return;
		}
		rules.that(EventTypes.topicOf(envelope.data()).equals(topic),
				envelope.type() + " is not an event of " + owner + ", which owns " + topic);
		String claimed = envelope.source().startsWith("/") ? envelope.source().substring(1) : envelope.source();
		rules.that(!ownerOfTopic.containsValue(claimed) || claimed.equals(owner),
				"source " + envelope.source() + " does not publish on " + topic + " (" + owner + " does)");
	}

	private static void product(Rules rules, String productId, String artisanId, String ownerId, Money price,
			int stock) {
		rules.id("productId", productId);
		rules.id("artisanId", artisanId);
		rules.id("ownerId", ownerId);
		rules.money("price", price);
		rules.that(stock >= 0, "stock must not be negative, was " + stock);
	}

	private static void review(Rules rules, ReviewEvent review) {
		rules.id("reviewId", review.reviewId());
		rules.id("productId", review.productId());
		rules.id("artisanId", review.artisanId());
		rules.id("ownerId", review.ownerId());
		rules.that(review.rating() >= 1 && review.rating() <= 5, "rating must be 1 to 5, was " + review.rating());
		ProductRating rating = review.productRating();
		if (rules.present("productRating", rating)) {
			rules.that(rating.count() >= 0 && rating.sum() >= rating.count() && rating.sum() <= 5L * rating.count(),
					"productRating must hold 0 or more ratings of 1 to 5 stars");
			rules.present("productRating.months", rating.months());
		}
	}

	private static void favourite(Rules rules, FavouriteEvent favourite) {
		rules.id("productId", favourite.productId());
		rules.id("artisanId", favourite.artisanId());
		rules.id("ownerId", favourite.ownerId());
		rules.id("buyerId", favourite.buyerId());
		ProductFavourites favourites = favourite.favourites();
		if (rules.present("favourites", favourites)) {
			rules.that(favourites.count() >= 0, "favourites.count must not be negative, was " + favourites.count());
			rules.that(favourites.version() >= 1, "favourites.version starts at 1, was " + favourites.version());
		}
	}

	private static void booking(Rules rules, BookingEvent booking) {
		rules.id("bookingId", booking.bookingId());
		rules.id("masterclassId", booking.masterclassId());
		rules.id("artisanId", booking.artisanId());
		rules.id("ownerId", booking.ownerId());
		rules.id("buyerId", booking.buyerId());
		rules.that(booking.seats() >= 1, "seats must be 1 or more, was " + booking.seats());
		rules.money("total", booking.total());
		rules.that(booking.version() >= 1, "version starts at 1, was " + booking.version());
	}

	private static void order(Rules rules, String orderId, String buyerId, List<OrderLine> lines, Money total) {
		rules.id("orderId", orderId);
		rules.id("buyerId", buyerId);
		if (!rules.that(lines != null && !lines.isEmpty(), "an order has at least one line")
				|| !rules.that(lines.size() <= MAX_LINES, "an order has at most " + MAX_LINES + " lines")) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			String at = "lines[" + i + "]";
			if (!rules.present(at, line)) {
				return;
			}
			rules.id(at + ".productId", line.productId());
			rules.id(at + ".artisanId", line.artisanId());
			rules.id(at + ".ownerId", line.ownerId());
			rules.quantity(at + ".quantity", line.quantity(), MAX_QUANTITY);
			if (rules.money(at + ".unitPrice", line.unitPrice()) && rules.money(at + ".lineTotal", line.lineTotal())) {
				Money expected = line.unitPrice().times(line.quantity());
				rules.that(
						line.lineTotal().currency().equals(expected.currency())
								&& line.lineTotal().amount().compareTo(expected.amount()) == 0,
						at + ".lineTotal must be unitPrice times quantity");
				sum = sum.add(line.lineTotal().amount());
				if (total != null) {
					rules.that(line.lineTotal().currency().equals(total.currency()),
							at + " must be in the order's currency " + total.currency());
				}
			}
		}
		if (rules.money("total", total)) {
			rules.that(total.amount().compareTo(sum) == 0, "total must be the sum of the lines, " + sum);
		}
	}

	private static void reservedLines(Rules rules, List<ReservedLine> lines) {
		if (!rules.present("lines", lines)) {
			return;
		}
		for (int i = 0; i < lines.size(); i++) {
			String at = "lines[" + i + "]";
			ReservedLine line = lines.get(i);
			if (rules.present(at, line)) {
				rules.id(at + ".productId", line.productId());
				// Lines of one product are reserved together.
				rules.quantity(at + ".quantity", line.quantity(), MAX_QUANTITY * MAX_LINES);
			}
		}
	}

	private static void failedLines(Rules rules, List<FailedLine> lines) {
		if (lines == null) {
			return;
		}
		for (int i = 0; i < lines.size(); i++) {
			String at = "lines[" + i + "]";
			FailedLine line = lines.get(i);
			if (rules.present(at, line)) {
				rules.id(at + ".productId", line.productId());
				rules.quantity(at + ".requested", line.requested(), MAX_QUANTITY * MAX_LINES);
				rules.that(line.available() >= 0, at + ".available must not be negative, was " + line.available());
				rules.present(at + ".reason", line.reason());
			}
		}
	}

	private static void shipments(Rules rules, List<Shipment> shipments) {
		if (!rules.that(shipments != null && !shipments.isEmpty(), "a shipped order has at least one shipment")) {
			return;
		}
		for (int i = 0; i < shipments.size(); i++) {
			String at = "shipments[" + i + "]";
			Shipment shipment = shipments.get(i);
			if (rules.present(at, shipment)) {
				rules.id(at + ".artisanId", shipment.artisanId());
				if (rules.that(shipment.productIds() != null && !shipment.productIds().isEmpty(),
						at + " ships at least one product")) {
					shipment.productIds().forEach((productId) -> rules.id(at + ".productIds[]", productId));
				}
			}
		}
	}

	/** Collects the first broken rule; each check answers whether it held. */
	private static final class Rules {

		private String broken;

		boolean that(boolean holds, String rule) {
			if (!holds && this.broken == null) {
				this.broken = rule;
			}
			return holds;
		}

		boolean present(String name, Object value) {
			return that(value != null, name + " is missing");
		}

		boolean id(String name, String value) {
			return present(name, value) && that(id.matcher(value).matches(),
					name + " must be an id (" + ID + "), was '" + abbreviated(value) + "'");
		}

		boolean optionalId(String name, String value) {
			return value == null || id(name, value);
		}

		boolean quantity(String name, int value, int max) {
			return that(value >= 1 && value <= max, name + " must be between 1 and " + max + ", was " + value);
		}

		boolean money(String name, Money money) {
			return present(name, money)
					&& that(currency.matcher(money.currency()).matches(),
							name + ".currency must be an ISO 4217 code, was '" + abbreviated(money.currency()) + "'")
					&& that(money.amount().signum() >= 0, name + " must not be negative, was " + money.amount());
		}

		Optional<String> broken() {
			return Optional.ofNullable(this.broken);
		}

		private static String abbreviated(String value) {
			return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
		}

	}

}
