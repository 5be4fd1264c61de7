package com.artisanmarket.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.ProductFavourited;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventRulesTests {

	private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

	private static final Money PRICE = Money.of("120.50", "AZN");

	@ParameterizedTest
	@MethodSource("com.artisanmarket.events.EventJsonTests#everyEvent")
	void acceptsEveryWellFormedEventOnItsOwnersTopic(MarketplaceEvent event) {
		EventEnvelope<MarketplaceEvent> envelope = fromItsOwner(event);

		assertThat(EventRules.brokenRule(envelope, envelope.topic())).isEmpty();
	}

	@Test
	void refusesAnOrderLineWithANegativeQuantity() {
		Money total = PRICE.times(-1000);
		OrderPlaced placed = new OrderPlaced("o-1", "u-buyer",
				List.of(new OrderLine("p-1", "a-1", "u-artisan", "Guba carpet", PRICE, -1000, total)), total, AT);

		assertThat(EventRules.brokenRule(fromItsOwner(placed), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("lines[0].quantity").contains("-1000"));
	}

	@Test
	void refusesAnOrderLineOfMoreUnitsThanAnOrderMayAskFor() {
		assertThat(EventRules.brokenRule(fromItsOwner(placed(line("p-1", 1001))), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("between 1 and 1000"));
		assertThat(EventRules.brokenRule(fromItsOwner(placed(line("p-1", 1000))), Topics.ORDER_EVENTS)).isEmpty();
	}

	@Test
	void refusesANegativePrice() {
		Money negative = Money.of("-5.00", "AZN");
		OrderPlaced placed = new OrderPlaced("o-1", "u-buyer",
				List.of(new OrderLine("p-1", "a-1", "u-artisan", "Guba carpet", negative, 2, negative.times(2))),
				negative.times(2), AT);

		assertThat(EventRules.brokenRule(fromItsOwner(placed), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("unitPrice must not be negative"));
	}

	@Test
	void refusesALineTotalOrATotalThatDoesNotAddUp() {
		OrderPlaced cheapLine = new OrderPlaced("o-1", "u-buyer",
				List.of(new OrderLine("p-1", "a-1", "u-artisan", "Guba carpet", PRICE, 2, PRICE)), PRICE, AT);
		OrderPlaced cheapTotal = new OrderPlaced("o-1", "u-buyer", List.of(line("p-1", 2)), PRICE, AT);

		assertThat(EventRules.brokenRule(fromItsOwner(cheapLine), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("lineTotal must be unitPrice times quantity"));
		assertThat(EventRules.brokenRule(fromItsOwner(cheapTotal), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("total must be the sum of the lines"));
	}

	@Test
	void refusesAnOrderWithoutLinesOrWithMoreLinesThanAnOrderMayHold() {
		OrderPlaced empty = new OrderPlaced("o-1", "u-buyer", List.of(), Money.of("0", "AZN"), AT);
		List<OrderLine> many = IntStream.range(0, 51).mapToObj((i) -> line("p-" + i, 1)).toList();
		Money manyTotal = PRICE.times(51);

		assertThat(EventRules.brokenRule(fromItsOwner(empty), Topics.ORDER_EVENTS)).isPresent();
		assertThat(EventRules.brokenRule(fromItsOwner(new OrderPlaced("o-1", "u-buyer", many, manyTotal, AT)),
				Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("at most 50 lines"));
	}

	@Test
	void refusesAMessageFromSomeoneOutsideItsConversation() {
		MessagePosted stranger = new MessagePosted("c-1", 1, "u-buyer", "a-1", "u-artisan", "u-stranger", AT);
		assertThat(EventRules.brokenRule(fromItsOwner(stranger), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("the sender is the buyer or the artisan"));
		MessagePosted reply = new MessagePosted("c-1", 2, "u-buyer", "a-1", "u-artisan", "u-artisan", AT);
		assertThat(EventRules.brokenRule(fromItsOwner(reply), Topics.CATALOG_EVENTS)).isEmpty();
		assertThat(reply.recipientId()).isEqualTo("u-buyer");
	}

	@Test
	void refusesIdsThatAreNotIds() {
		OrderPlaced blankOrder = new OrderPlaced(" ", "u-buyer", List.of(line("p-1", 1)), PRICE, AT);
		OrderPlaced oddProduct = placed(line("p-1/../admin", 1));
		StockReserved noProduct = new StockReserved("o-1", List.of(new ReservedLine(null, 1)), AT);

		assertThat(EventRules.brokenRule(fromItsOwner(blankOrder), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("orderId must be an id"));
		assertThat(EventRules.brokenRule(fromItsOwner(oddProduct), Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("lines[0].productId must be an id"));
		assertThat(EventRules.brokenRule(fromItsOwner(noProduct), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("lines[0].productId is missing"));
	}

	@Test
	void refusesAReservationOfNothingOrOfNegativeUnits() {
		StockReserved nothing = new StockReserved("o-1", List.of(), AT);
		StockReserved negative = new StockReserved("o-1", List.of(new ReservedLine("p-1", -3)), AT);
		StockReservationFailed negativeStock = new StockReservationFailed("o-1",
				List.of(new FailedLine("p-1", 2, -1, FailureReason.OUT_OF_STOCK)), AT);

		assertThat(EventRules.brokenRule(fromItsOwner(nothing), Topics.CATALOG_EVENTS)).isPresent();
		assertThat(EventRules.brokenRule(fromItsOwner(negative), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("lines[0].quantity"));
		assertThat(EventRules.brokenRule(fromItsOwner(negativeStock), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("available must not be negative"));
	}

	@Test
	void refusesNegativeStockAndPricesOfProducts() {
		ProductListed negativeStock = new ProductListed("p-1", "a-1", "u-artisan", "Guba carpet", "CARPETS", PRICE, -1,
				AT);

		assertThat(EventRules.brokenRule(fromItsOwner(negativeStock), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("stock must not be negative"));
	}

	@Test
	void refusesAReviewOfNoStarsOrARatingThatCannotBe() {
		ProductRating one = new ProductRating(1, 1, 5, List.of(new MonthlyRating("2026-11", 1, 5)));
		ReviewPublished noStars = new ReviewPublished("p-1_r1", "p-1", "a-1", "u-artisan", 0, one, AT);
		ReviewPublished sixStars = new ReviewPublished("p-1_r1", "p-1", "a-1", "u-artisan", 6, one, AT);
		ReviewPublished impossible = new ReviewPublished("p-1_r1", "p-1", "a-1", "u-artisan", 5,
				new ProductRating(2, 1, 7, List.of()), AT);

		assertThat(EventRules.brokenRule(fromItsOwner(noStars), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("rating must be 1 to 5"));
		assertThat(EventRules.brokenRule(fromItsOwner(sixStars), Topics.CATALOG_EVENTS)).isPresent();
		assertThat(EventRules.brokenRule(fromItsOwner(impossible), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("productRating"));
		assertThat(EventRules.brokenRule(
				fromItsOwner(new ReviewPublished("p-1_r1", "p-1", "a-1", "u-artisan", 5, one, AT)),
				Topics.CATALOG_EVENTS))
			.isEmpty();
	}

	@Test
	void refusesAFavouriteCountBelowZeroOrWithoutAVersion() {
		ProductFavourited negative = new ProductFavourited("p-1", "a-1", "u-artisan", "Guba carpet", "u-buyer",
				new ProductFavourites(3, -1), AT);
		ProductFavourited unversioned = new ProductFavourited("p-1", "a-1", "u-artisan", "Guba carpet", "u-buyer",
				new ProductFavourites(0, 1), AT);
		ProductFavourited noBuyer = new ProductFavourited("p-1", "a-1", "u-artisan", "Guba carpet", null,
				new ProductFavourites(1, 1), AT);

		assertThat(EventRules.brokenRule(fromItsOwner(negative), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("favourites.count"));
		assertThat(EventRules.brokenRule(fromItsOwner(unversioned), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("favourites.version"));
		assertThat(EventRules.brokenRule(fromItsOwner(noBuyer), Topics.CATALOG_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("buyerId"));
		assertThat(EventRules.brokenRule(fromItsOwner(new ProductFavourited("p-1", "a-1", "u-artisan", "Guba carpet",
				"u-buyer", new ProductFavourites(1, 1), AT)), Topics.CATALOG_EVENTS))
			.isEmpty();
	}

	@Test
	void refusesAShipmentOfNothing() {
		OrderShipped shipped = new OrderShipped("o-1", "u-buyer", List.of(new Shipment("a-1", List.of(), null, AT)),
				AT);

		assertThat(EventRules.brokenRule(fromItsOwner(shipped), Topics.ORDER_EVENTS)).isPresent();
	}

	@Test
	void refusesAnEventOnATopicItsOwnerDoesNotPublishTo() {
		StockReserved reserved = new StockReserved("o-1", List.of(new ReservedLine("p-1", 2)), AT);
		EventEnvelope<StockReserved> envelope = EventEnvelope.wrap(reserved, "catalog-service", AT, null);

		assertThat(EventRules.brokenRule(envelope, Topics.ORDER_EVENTS)).hasValueSatisfying((rule) -> assertThat(rule)
			.isEqualTo("StockReserved is not an event of order-service, which owns " + "order-events"));
	}

	@Test
	void refusesAnEventWhoseSourceIsAnotherServiceThanTheTopicsOwner() {
		EventEnvelope<OrderPlaced> envelope = EventEnvelope.wrap(placed(line("p-1", 1)), "catalog-service", AT, null);

		assertThat(EventRules.brokenRule(envelope, Topics.ORDER_EVENTS))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("source /catalog-service"));
	}

	@Test
	void refusesAnEnvelopeWhoseSubjectIsNotTheEventsAggregate() {
		ArtisanRegistered registered = new ArtisanRegistered("a-1", "u-artisan", "Aysel's Looms", "carpets", "Guba",
				"AZ", List.of("az"), Status.PENDING, AT);
		EventEnvelope<ArtisanRegistered> envelope = new EventEnvelope<>("e-1", "/artisan-service", "ArtisanRegistered",
				AT, "a-2", null, registered);

		assertThat(EventRules.brokenRule(envelope, Topics.ARTISAN_EVENTS)).isPresent();
	}

	@Test
	void checkThrowsAnExceptionThatNamesTheEventItsTypeAndTheRule() {
		EventEnvelope<OrderPlaced> envelope = fromItsOwner(placed(line("p-1", 0)));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> EventRules.check(envelope, Topics.ORDER_EVENTS))
			.isInstanceOf(MalformedEventException.class)
			.withMessageContaining(envelope.id())
			.withMessageContaining("OrderPlaced")
			.withMessageContaining("lines[0].quantity must be between 1 and 1000, was 0");
	}

	@Test
	void addsUpTheUnitsOfLinesOfOneProduct() {
		assertThat(EventRules.unitsByProduct(List.of(line("p-1", 2), line("p-2", 1), line("p-1", 3))))
			.containsExactly(Map.entry("p-1", 5), Map.entry("p-2", 1));
	}

	private static OrderLine line(String productId, int quantity) {
		return new OrderLine(productId, "a-1", "u-artisan", "Guba carpet", PRICE, quantity, PRICE.times(quantity));
	}

	private static OrderPlaced placed(OrderLine line) {
		return new OrderPlaced("o-1", "u-buyer", List.of(line), line.lineTotal(), AT);
	}

	private static <E extends MarketplaceEvent> EventEnvelope<E> fromItsOwner(E event) {
		String owner = switch (event) {
			case ArtisanEvent e -> "artisan-service";
			case CatalogEvent e -> "catalog-service";
			case OrderEvent e -> "order-service";
		};
		return EventEnvelope.wrap(event, owner, AT, null);
	}

}
