package com.artisanmarket.artisan.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.CatalogEvent.MasterclassBookingCancelled;
import com.artisanmarket.events.CatalogEvent.MonthlyRating;
import com.artisanmarket.events.CatalogEvent.ProductFavourited;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.CatalogEvent.ProductUnfavourited;
import com.artisanmarket.events.CatalogEvent.ReviewHidden;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.CatalogEvent.ReviewUpdated;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class SalesStatisticsIntegrationTests {

	private static final Instant NOVEMBER = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant DECEMBER = Instant.parse("2026-12-02T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Test
	void countsEachOrderOnceAndTakesBackACancelledSale() throws Exception {
		String ownerAccount = "artisan-" + UUID.randomUUID();
		String owner = TestTokens.bearer(ownerAccount, "ARTISAN");
		String artisanId = profile(owner, "Gijduvan Ceramics", "ceramics", "Gijduvan", "UZ");
		String otherArtisan = UUID.randomUUID().toString();

		OrderLine plates = line(artisanId, ownerAccount, "p-plate", "Blue plate", "25.00", 2);
		OrderLine bowl = line(artisanId, ownerAccount, "p-bowl", "Green bowl", "40.50", 1);
		OrderLine elsewhere = line(otherArtisan, "someone", "p-other", "Not ours", "99.00", 5);
		EventEnvelope<OrderConfirmed> first = envelope(new OrderConfirmed("o-1-" + artisanId, "b-1",
				List.of(plates, elsewhere), usd("545.00"), NOVEMBER, NOVEMBER));
		EventEnvelope<OrderConfirmed> second = envelope(
				new OrderConfirmed("o-2-" + artisanId, "b-2", List.of(bowl), usd("40.50"), DECEMBER, DECEMBER));
		EventEnvelope<OrderConfirmed> third = envelope(
				new OrderConfirmed("o-3-" + artisanId, "b-3", List.of(plates), usd("50.00"), DECEMBER, DECEMBER));
		EventEnvelope<OrderCancelled> cancelThird = envelope(new OrderCancelled("o-3-" + artisanId, "b-3",
				List.of(plates), usd("50.00"), true, "b-3", "changed my mind", DECEMBER, DECEMBER));
		EventEnvelope<OrderDelivered> delivered = envelope(
				new OrderDelivered("o-1-" + artisanId, "b-1", List.of(plates, elsewhere), usd("545.00"), DECEMBER));

		for (EventEnvelope<?> event : List.of(first, first, second, third, cancelThird, cancelThird, second, delivered,
				delivered)) {
			this.kafka.send(Topics.ORDER_EVENTS, event.subject(), EventJson.write(event)).get();
		}

		JsonNode stats = await().atMost(Duration.ofSeconds(30))
			.until(() -> Http
				.json(Http.get(url("/api/artisans/" + artisanId + "/stats"), Map.of("Authorization", owner))),
					(json) -> json.path("deliveredOrders").asLong() == 1 && json.path("orders").asLong() == 2);
		assertThat(stats.path("unitsSold").asLong()).isEqualTo(3);
		assertThat(stats.path("revenue").toString()).isEqualTo("[{\"amount\":\"90.50\",\"currency\":\"USD\"}]");
		assertThat(stats.path("topProducts").get(0).path("title").asString()).isEqualTo("Blue plate");
		assertThat(stats.path("topProducts").get(0).path("unitsSold").asLong()).isEqualTo(2);
		assertThat(stats.path("monthly").get(0).path("month").asString()).isEqualTo("2026-11");
		assertThat(stats.path("monthly").get(1).path("month").asString()).isEqualTo("2026-12");
		assertThat(stats.path("monthly").get(1).path("orders").asLong()).as("December: one order stays").isEqualTo(1);
		assertThat(stats.path("monthly").get(1).path("revenue").toString())
			.isEqualTo("[{\"amount\":\"40.50\",\"currency\":\"USD\"}]");
	}

	@Test
	void foldsEachProductsNewestRatingHoweverOftenAndInWhateverOrderReviewEventsArrive() throws Exception {
		String ownerAccount = "artisan-" + UUID.randomUUID();
		String owner = TestTokens.bearer(ownerAccount, "ARTISAN");
		String artisanId = profile(owner, "Margilan Atlas", "ikat", "Margilan", "UZ");
		String scarf = "p-scarf-" + UUID.randomUUID();
		String robe = "p-robe-" + UUID.randomUUID();
		// The scarf: a 5 in November, then a 3 in December, then the 5 hidden.
		List<EventEnvelope<?>> events = List.of(
				fromCatalog(new ReviewPublished(scarf + "_r1", scarf, artisanId, ownerAccount, 5,
						rating(1, month("2026-11", 1, 5)), NOVEMBER)),
				fromCatalog(new ReviewPublished(scarf + "_r2", scarf, artisanId, ownerAccount, 3,
						rating(2, month("2026-11", 1, 5), month("2026-12", 1, 3)), DECEMBER)),
				fromCatalog(new ReviewHidden(scarf + "_r1", scarf, artisanId, ownerAccount, 5,
						rating(3, month("2026-12", 1, 3)), DECEMBER)),
				// The robe: a 4 in December, edited to 2.
				fromCatalog(new ReviewPublished(robe + "_r1", robe, artisanId, ownerAccount, 4,
						rating(1, month("2026-12", 1, 4)), DECEMBER)),
				fromCatalog(new ReviewUpdated(robe + "_r1", robe, artisanId, ownerAccount, 2,
						rating(2, month("2026-12", 1, 2)), DECEMBER)));
		deliverTwiceTheSecondTimeNewestFirst(events);

		// Scarf 3 (one review), robe 2 (one review): 2.5 over two reviews, both in
		// December.
		JsonNode stats = await().atMost(Duration.ofSeconds(30))
			.until(() -> Http
				.json(Http.get(url("/api/artisans/" + artisanId + "/stats"), Map.of("Authorization", owner))),
					(json) -> json.path("rating").path("count").asLong() == 2
							&& json.path("rating").path("average").asDouble() == 2.5);
		assertThat(stats.path("monthly").size()).isEqualTo(1);
		assertThat(stats.path("monthly").get(0).path("month").asString()).isEqualTo("2026-12");
		assertThat(stats.path("monthly").get(0).path("reviews").asLong()).isEqualTo(2);
		assertThat(stats.path("monthly").get(0).path("rating").toString()).isEqualTo("{\"average\":2.5,\"count\":2}");
		assertThat(Http.json(Http.get(url("/api/artisans/" + artisanId))).path("rating").toString())
			.isEqualTo("{\"average\":2.5,\"count\":2}");
	}

	@Test
	void foldsEachProductsNewestFavouriteCountHoweverOftenAndInWhateverOrderEventsArrive() throws Exception {
		String ownerAccount = "artisan-" + UUID.randomUUID();
		String owner = TestTokens.bearer(ownerAccount, "ARTISAN");
		String artisanId = profile(owner, "Sheki Silk", "kelaghayi", "Sheki", "AZ");
		String shawl = "p-shawl-" + UUID.randomUUID();
		String scarf = "p-scarf-" + UUID.randomUUID();
		// The shawl: two buyers keep it, one takes it off (count 1); the scarf: three
		// keep
		// it.
		List<EventEnvelope<?>> events = List.of(
				fromCatalog(new ProductFavourited(shawl, artisanId, ownerAccount, "Kelaghayi shawl", "b-1",
						new ProductFavourites(1, 1), DECEMBER)),
				fromCatalog(new ProductFavourited(shawl, artisanId, ownerAccount, "Kelaghayi shawl", "b-2",
						new ProductFavourites(2, 2), DECEMBER)),
				fromCatalog(new ProductUnfavourited(shawl, artisanId, ownerAccount, "Kelaghayi shawl", "b-1",
						new ProductFavourites(3, 1), DECEMBER)),
				fromCatalog(new ProductFavourited(scarf, artisanId, ownerAccount, "Silk scarf", "b-1",
						new ProductFavourites(1, 1), DECEMBER)),
				fromCatalog(new ProductFavourited(scarf, artisanId, ownerAccount, "Silk scarf", "b-2",
						new ProductFavourites(2, 2), DECEMBER)),
				fromCatalog(new ProductFavourited(scarf, artisanId, ownerAccount, "Silk scarf", "b-3",
						new ProductFavourites(3, 3), DECEMBER)));
		deliverTwiceTheSecondTimeNewestFirst(events);

		String expected = "[{\"productId\":\"" + scarf + "\",\"title\":\"Silk scarf\",\"count\":3},"
				+ "{\"productId\":\"" + shawl + "\",\"title\":\"Kelaghayi shawl\",\"count\":1}]";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					Http.json(Http.get(url("/api/artisans/" + artisanId + "/stats"), Map.of("Authorization", owner)))
						.path("favourites")
						.toString())
				.isEqualTo(expected));
	}

	@Test
	void countsEachMasterclassBookingAndCancellationOnceApartFromGoods() throws Exception {
		String ownerAccount = "artisan-" + UUID.randomUUID();
		String owner = TestTokens.bearer(ownerAccount, "ARTISAN");
		String artisanId = profile(owner, "Bukhara Gold", "zardozi", "Bukhara", "UZ");
		String suzani = "m-suzani-" + UUID.randomUUID();
		String zardozi = "m-zardozi-" + UUID.randomUUID();
		// Suzani: two bookings of 2 and 1 seats, the second cancelled; zardozi: one of 3.
		List<EventEnvelope<?>> events = List.of(
				fromCatalog(new MasterclassBooked("b-1", suzani, artisanId, ownerAccount, "u-1", "Suzani", DECEMBER, 2,
						Money.of("90.00", "AZN"), 2, DECEMBER)),
				fromCatalog(new MasterclassBooked("b-2", suzani, artisanId, ownerAccount, "u-2", "Suzani", DECEMBER, 1,
						Money.of("45.00", "AZN"), 2, DECEMBER)),
				fromCatalog(new MasterclassBookingCancelled("b-2", suzani, artisanId, ownerAccount, "u-2", "Suzani", 1,
						Money.of("45.00", "AZN"), "u-2", null, 3, DECEMBER)),
				fromCatalog(new MasterclassBooked("b-3", zardozi, artisanId, ownerAccount, "u-1", "Zardozi", DECEMBER,
						3, Money.of("150.00", "AZN"), 2, DECEMBER)));
		deliverTwiceTheSecondTimeNewestFirst(events);

		String expected = "{\"bookings\":2,\"seats\":5,\"cancelledBookings\":1,"
				+ "\"revenue\":[{\"amount\":\"240.00\",\"currency\":\"AZN\"}],\"classes\":[" + "{\"masterclassId\":\""
				+ zardozi + "\",\"title\":\"Zardozi\",\"bookings\":1,\"seats\":3,"
				+ "\"revenue\":[{\"amount\":\"150.00\",\"currency\":\"AZN\"}]}," + "{\"masterclassId\":\"" + suzani
				+ "\",\"title\":\"Suzani\",\"bookings\":1,\"seats\":2,"
				+ "\"revenue\":[{\"amount\":\"90.00\",\"currency\":\"AZN\"}]}]}";
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode stats = Http
				.json(Http.get(url("/api/artisans/" + artisanId + "/stats"), Map.of("Authorization", owner)));
			assertThat(stats.path("masterclasses").toString()).isEqualTo(expected);
			assertThat(stats.path("revenue").size()).as("goods' revenue apart").isZero();
		});
	}

	/** Creates the owner's artisan profile; returns its id. */
	private String profile(String owner, String name, String craft, String city, String country) {
		return Http.json(Http.postJson(url("/api/artisans"),
				Http.toJson(Map.of("displayName", name, "craft", craft, "city", city, "country", country)),
				Map.of("Authorization", owner)))
			.path("id")
			.asString();
	}

	/** Publishes catalog events in order, then all of them again newest first. */
	private void deliverTwiceTheSecondTimeNewestFirst(List<EventEnvelope<?>> events) throws Exception {
		List<EventEnvelope<?>> deliveries = new ArrayList<>(events);
		List<EventEnvelope<?>> again = new ArrayList<>(events);
		Collections.reverse(again);
		deliveries.addAll(again);
		for (EventEnvelope<?> event : deliveries) {
			this.kafka.send(Topics.CATALOG_EVENTS, event.subject(), EventJson.write(event)).get();
		}
	}

	private static ProductRating rating(long version, MonthlyRating... months) {
		int count = 0;
		long sum = 0;
		for (MonthlyRating month : months) {
			count += month.count();
			sum += month.sum();
		}
		return new ProductRating(version, count, sum, List.of(months));
	}

	private static MonthlyRating month(String month, int count, long sum) {
		return new MonthlyRating(month, count, sum);
	}

	private static <E extends MarketplaceEvent> EventEnvelope<E> fromCatalog(E event) {
		return EventEnvelope.wrap(event, "catalog-service", Instant.now(), null);
	}

	@Test
	void showsStatisticsOnlyToTheOwnerAndAdmins() {
		String owner = TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN");
		String artisanId = profile(owner, "Khiva Woodcarving", "woodcarving", "Khiva", "UZ");
		String stats = url("/api/artisans/" + artisanId + "/stats");

		assertThat(Http.get(stats, Map.of("Authorization", owner)).statusCode()).isEqualTo(200);
		assertThat(Http.get(stats, Map.of("Authorization", TestTokens.bearer("admin", "ADMIN"))).statusCode())
			.isEqualTo(200);
		assertThat(Http.get(stats, Map.of("Authorization", TestTokens.bearer("someone-else", "ARTISAN"))).statusCode())
			.isEqualTo(404);
		assertThat(Http.get(stats).statusCode()).isEqualTo(401);
	}

	private static OrderLine line(String artisanId, String ownerId, String productId, String title, String price,
			int quantity) {
		Money unit = usd(price);
		return new OrderLine(productId, artisanId, ownerId, title, unit, quantity, unit.times(quantity));
	}

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static <E extends MarketplaceEvent> EventEnvelope<E> envelope(E event) {
		return EventEnvelope.wrap(event, "order-service", Instant.now(), null);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
