package com.artisanmarket.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.ProductArchived;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductUpdated;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.CatalogEvent.ReviewHidden;
import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.CatalogEvent.MasterclassBookingCancelled;
import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.CatalogEvent.ProductFavourited;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ProductUnfavourited;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.CatalogEvent.ReviewRemoved;
import com.artisanmarket.events.CatalogEvent.ReviewUpdated;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventJsonTests {

	private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

	private static final Money PRICE = Money.of("120.50", "AZN");

	private static final ProductRating RATING = new ProductRating(3, 2, 9,
			List.of(new MonthlyRating("2026-10", 1, 5), new MonthlyRating("2026-11", 1, 4)));

	private static final OrderLine LINE = new OrderLine("p-1", "a-1", "u-artisan", "Guba carpet", PRICE, 2,
			PRICE.times(2));

	static List<MarketplaceEvent> everyEvent() {
		return List.of(
				new ArtisanRegistered("a-1", "u-artisan", "Aysel's Looms", "carpet weaving", "Guba", "AZ",
						List.of("az", "en"), Status.PENDING, AT),
				new ArtisanProfileUpdated("a-1", "u-artisan", "Aysel's Looms", "carpets and kilims", "Guba", "AZ",
						List.of("az"), 2, AT),
				new ArtisanVerificationChanged("a-1", "u-artisan", Status.PENDING, Status.VERIFIED, "documents seen",
						"u-admin", AT),
				new ProductListed("p-1", "a-1", "u-artisan", "Guba carpet", "CARPETS", PRICE, 3, AT),
				new ProductUpdated("p-1", "a-1", "u-artisan", "Guba carpet, 2x3 m", "CARPETS", PRICE, 5, AT),
				new ProductArchived("p-1", "a-1", "u-artisan", "u-admin", AT),
				new StockReserved("o-1", List.of(new ReservedLine("p-1", 2)), AT),
				new StockReservationFailed("o-1",
						List.of(new FailedLine("p-1", 2, 1, FailureReason.OUT_OF_STOCK),
								new FailedLine("p-9", 1, 0, FailureReason.UNKNOWN_PRODUCT)),
						AT),
				new StockReleased("o-1", List.of(new ReservedLine("p-1", 2)), "cancelled by buyer", AT),
				new ReviewPublished("p-1_r1", "p-1", "a-1", "u-artisan", 5, RATING, AT),
				new ReviewUpdated("p-1_r1", "p-1", "a-1", "u-artisan", 4, RATING, AT),
				new ReviewHidden("p-1_r1", "p-1", "a-1", "u-artisan", 4, RATING, AT),
				new ReviewRemoved("p-1_r1", "p-1", "a-1", "u-artisan", 4, RATING, AT),
				new ProductFavourited("p-1", "a-1", "u-artisan", "Guba carpet", "u-buyer", new ProductFavourites(1, 1),
						AT),
				new ProductUnfavourited("p-1", "a-1", "u-artisan", "Guba carpet", "u-buyer",
						new ProductFavourites(2, 0), AT),
				new MasterclassBooked("b-1", "m-1", "a-1", "u-artisan", "u-buyer", "Suzani stitches", AT, 2,
						Money.of("90.00", "UZS"), 2, AT),
				new MasterclassBookingCancelled("b-1", "m-1", "a-1", "u-artisan", "u-buyer", "Suzani stitches", 2,
						Money.of("90.00", "UZS"), "u-buyer", null, 3, AT),
				new MessagePosted("c-1", 1, "u-buyer", "a-1", "u-artisan", "u-buyer", AT),
				new OrderPlaced("o-1", "u-buyer", List.of(LINE), PRICE.times(2), AT),
				new OrderConfirmed("o-1", "u-buyer", List.of(LINE), PRICE.times(2), AT, AT),
				new OrderRejected("o-1", "u-buyer", "Guba carpet: 1 left, 2 asked", AT),
				new OrderCancelled("o-1", "u-buyer", List.of(LINE), PRICE.times(2), true, "u-buyer", null, AT, AT),
				new OrderShipped("o-1", "u-buyer", List.of(new Shipment("a-1", List.of("p-1"), "AZ-POST-1", AT)), AT),
				new OrderDelivered("o-1", "u-buyer", List.of(LINE), PRICE.times(2), AT));
	}

	@Test
	void samplesCoverEveryEventOfTheContract() {
		Set<Class<?>> sampled = everyEvent().stream().map(Object::getClass).collect(Collectors.toSet());

		assertThat(sampled).containsExactlyInAnyOrderElementsOf(leaves(MarketplaceEvent.class));
	}

	@ParameterizedTest
	@MethodSource("everyEvent")
	void roundTripsThroughJson(MarketplaceEvent event) {
		EventEnvelope<MarketplaceEvent> envelope = EventEnvelope.wrap(event, "test-service", AT,
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

		String json = EventJson.write(envelope);

		assertThat(EventJson.read(json)).contains(envelope);
		assertThat(json).contains("\"specversion\":\"1.0\"", "\"datacontenttype\":\"application/json\"",
				"\"source\":\"/test-service\"", "\"type\":\"" + EventTypes.typeOf(event) + "\"",
				"\"subject\":\"" + event.subject() + "\"");
		assertThat(envelope.topic()).isIn(Topics.ARTISAN_EVENTS, Topics.CATALOG_EVENTS, Topics.ORDER_EVENTS);
	}

	@Test
	void writesMoneyAsADecimalString() {
		String json = EventJson.write(EventEnvelope.wrap(everyEvent().get(3), "catalog-service", AT, null));

		assertThat(json).contains("\"price\":{\"amount\":\"120.50\",\"currency\":\"AZN\"}")
			.doesNotContain("traceparent");
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		String json = EventJson.write(EventEnvelope.wrap(everyEvent().getFirst(), "artisan-service", AT, null))
			.replace("\"data\":{", "\"partition\":7,\"data\":{\"loyaltyTier\":\"gold\",");

		assertThat(EventJson.read(json))
			.hasValueSatisfying((envelope) -> assertThat(envelope.data()).isEqualTo(everyEvent().getFirst()));
	}

	@Test
	void skipsTypesOfANewerPublisher() {
		String json = EventJson.write(EventEnvelope.wrap(everyEvent().getFirst(), "artisan-service", AT, null))
			.replace("\"type\":\"ArtisanRegistered\"", "\"type\":\"ArtisanBecameFamous\"");

		assertThat(EventJson.read(json)).isEmpty();
	}

	@Test
	void readsOnlyTheTypesAConsumerWantsAndLeavesTheRestUnread() {
		String registered = EventJson.write(EventEnvelope.wrap(everyEvent().getFirst(), "artisan-service", AT, null));
		// A data the type's record could not be read from: not wanted, so never read.
		String brokenButUnwanted = registered.replace("\"status\":\"PENDING\"", "\"status\":\"HAPPY\"");

		assertThat(EventJson.read(registered, Set.of(ArtisanRegistered.class)))
			.hasValueSatisfying((envelope) -> assertThat(envelope.data()).isEqualTo(everyEvent().getFirst()));
		assertThat(EventJson.read(brokenButUnwanted, Set.of(OrderConfirmed.class))).isEmpty();
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(brokenButUnwanted, Set.of(ArtisanRegistered.class)));
	}

	@Test
	void rejectsWhatIsNotAnEvent() {
		String valid = EventJson.write(EventEnvelope.wrap(everyEvent().getFirst(), "artisan-service", AT, null));
		for (String poison : List.of("not json", "[]", "{\"type\":\"ArtisanRegistered\"}",
				valid.replace("\"id\":", "\"identifier\":"),
				valid.replace("\"status\":\"PENDING\"", "\"status\":\"HAPPY\""))) {
			assertThatExceptionOfType(MalformedEventException.class).as(poison)
				.isThrownBy(() -> EventJson.read(poison));
		}
	}

	private static List<Class<?>> leaves(Class<?> type) {
		if (!type.isSealed()) {
			return List.of(type);
		}
		List<Class<?>> leaves = new ArrayList<>();
		Stream.of(type.getPermittedSubclasses()).map(EventJsonTests::leaves).forEach(leaves::addAll);
		return leaves;
	}

}
