package com.artisanmarket.catalog.favourite;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.catalog.ProductEvents;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.artisanmarket.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Favourites through the catalogue's HTTP API, with the counts followed into the search
 * index and the copies repeated from {@code catalog-events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class FavouritesIntegrationTests {

	/** An artisan artisan-service knows and the catalogue's read model does not yet. */
	private static final String NEW_ARTISAN = "artisan-" + UUID.randomUUID();

	private static final List<String> artisanServiceAsked = new CopyOnWriteArrayList<>();

	private static final HttpServer artisanService = artisanServiceStandIn();

	@DynamicPropertySource
	static void artisanService(DynamicPropertyRegistry properties) {
		properties.add("marketplace.catalog.artisan-service-url",
				() -> "http://127.0.0.1:" + artisanService.getAddress().getPort());
	}

	@AfterAll
	static void stopArtisanService() {
		artisanService.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Autowired
	ArtisanSnapshots snapshots;

	@Test
	void favouritingTwiceIsOneFavouriteAndTakingItOffTakesTheCountBack() {
		Artisan maker = maker();
		String product = product(maker);
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		Map<String, String> another = buyerAuth("buyer-" + UUID.randomUUID());

		assertThat(favourite(product, buyer).statusCode()).isEqualTo(204);
		assertThat(favourite(product, buyer).statusCode()).as("idempotent").isEqualTo(204);
		assertThat(favouriteCount(product)).isEqualTo(1);
		JsonNode mine = Http.json(Http.get(url("/api/me/favourites"), buyer));
		assertThat(mine.path("products").path("totalItems").asInt()).isEqualTo(1);
		JsonNode first = mine.path("products").path("items").get(0);
		assertThat(first.path("productId").asString()).isEqualTo(product);
		assertThat(first.path("product").path("title").asString()).isEqualTo("Blue bowl");
		assertThat(first.path("product").path("favouriteCount").asInt()).isEqualTo(1);
		assertThat(mine.path("productIds").toString()).isEqualTo("[\"" + product + "\"]");

		assertThat(favourite(product, another).statusCode()).isEqualTo(204);
		assertThat(favouriteCount(product)).isEqualTo(2);
		assertThat(unfavourite(product, buyer).statusCode()).isEqualTo(204);
		assertThat(unfavourite(product, buyer).statusCode()).as("idempotent").isEqualTo(204);
		assertThat(favouriteCount(product)).as("the count goes back").isEqualTo(1);
		assertThat(Http.get(url("/api/products/" + product)).headers().firstValue("Cache-Control"))
			.as("the count moves without the ETag: never revalidated from a browser's cache")
			.hasValue("no-store");
		assertThat(Http.json(Http.get(url("/api/me/favourites"), buyer)).path("products").path("totalItems").asInt())
			.isZero();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(listed(maker, product).path("favouriteCount").asInt())
				.as("the search index's copy")
				.isEqualTo(1));

		assertThat(favourite("no-such-product", buyer).statusCode()).isEqualTo(404);
		assertThat(unfavourite("no-such-product", buyer).statusCode()).as("nothing to take off").isEqualTo(204);
		assertThat(favourite(product, maker.auth()).statusCode()).as("artisans do not keep favourites").isEqualTo(403);
		assertThat(Http.putJson(url("/api/me/favourites/products/" + product), "", Map.of()).statusCode())
			.isEqualTo(401);
		assertThat(Http.get(url("/api/me/favourites")).statusCode()).isEqualTo(401);
	}

	@Test
	void theCountIsTheNumberOfFansAfterConcurrentMarksAndRedeliveryOfEveryEvent() throws Exception {
		Artisan maker = maker();
		String product = product(maker);
		List<String> buyers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			buyers.add("buyer-" + UUID.randomUUID());
		}
		List<Callable<HttpResponse<String>>> marks = new ArrayList<>();
		for (String buyer : buyers) {
			// Each twice, at once: still one favourite each.
			marks.add(() -> favourite(product, buyerAuth(buyer)));
			marks.add(() -> favourite(product, buyerAuth(buyer)));
		}
		runAtOnce(marks);
		assertThat(favouriteCount(product)).isEqualTo(40);

		List<String> leaving = buyers.subList(0, 15);
		List<Callable<HttpResponse<String>>> takenOff = new ArrayList<>();
		for (String buyer : leaving) {
			takenOff.add(() -> unfavourite(product, buyerAuth(buyer)));
			takenOff.add(() -> unfavourite(product, buyerAuth(buyer)));
		}
		runAtOnce(takenOff);
		assertThat(favouriteCount(product)).isEqualTo(25);
		assertThat(this.mongo.findById(product, ProductFans.class).fans())
			.containsExactlyInAnyOrderElementsOf(buyers.subList(15, 40));

		// The copies lost, as if this process had stopped right after each write: the
		// events put them back, delivered again and newest first.
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(product)), new Update().unset("favourites"),
				Product.class);
		this.mongo.remove(new Query(Criteria.where("_id").in(buyers)), BuyerFavourites.class);
		List<ConsumerRecord<String, String>> events = ProductEvents.of(this.consumers, product,
				(type) -> type.equals("ProductFavourited") || type.equals("ProductUnfavourited"));
		assertThat(events).hasSize(40 + 15);
		Collections.reverse(events);
		for (ConsumerRecord<String, String> event : events) {
			this.kafka.send(Topics.CATALOG_EVENTS, event.key(), event.value()).get();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(favouriteCount(product)).isEqualTo(25);
			for (String buyer : buyers) {
				boolean kept = !leaving.contains(buyer);
				assertThat(Http.json(Http.get(url("/api/me/favourites"), buyerAuth(buyer))).path("productIds").size())
					.as("%s keeps it: %s", buyer, kept)
					.isEqualTo(kept ? 1 : 0);
			}
		});
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(listed(maker, product).path("favouriteCount").asInt()).isEqualTo(25));
	}

	@Test
	void aBuyerKeepsArtisansOnceAndTakesThemOff() {
		Artisan maker = maker();
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		String path = "/api/me/favourites/artisans/" + maker.id();

		assertThat(Http.putJson(url(path), "", buyer).statusCode()).isEqualTo(204);
		assertThat(Http.putJson(url(path), "", buyer).statusCode()).isEqualTo(204);
		JsonNode artisans = Http.json(Http.get(url("/api/me/favourites"), buyer)).path("artisans");
		assertThat(artisans.path("totalItems").asInt()).isEqualTo(1);
		assertThat(artisans.path("items").get(0).path("artisan").path("displayName").asString())
			.isEqualTo("Rishtan Blue");
		assertThat(artisans.path("items").get(0).path("artisan").path("city").asString()).isEqualTo("Rishton");

		assertThat(Http.delete(url(path), buyer).statusCode()).isEqualTo(204);
		assertThat(Http.delete(url(path), buyer).statusCode()).isEqualTo(204);
		assertThat(Http.json(Http.get(url("/api/me/favourites"), buyer)).path("artisans").path("totalItems").asInt())
			.isZero();
	}

	@Test
	void anArtisanTheReadModelHasNotCaughtUpWithIsAskedOfArtisanService() {
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		assertThat(this.snapshots.find(NEW_ARTISAN)).as("not in the read model").isEmpty();

		assertThat(Http.putJson(url("/api/me/favourites/artisans/" + NEW_ARTISAN), "", buyer).statusCode())
			.isEqualTo(204);
		JsonNode artisans = Http.json(Http.get(url("/api/me/favourites"), buyer)).path("artisans");
		assertThat(artisans.path("items").get(0).path("artisan").path("displayName").asString())
			.isEqualTo("Guba Looms");
		assertThat(Http.putJson(url("/api/me/favourites/artisans/no-such-artisan"), "", buyer).statusCode())
			.isEqualTo(404);
		assertThat(artisanServiceAsked).as("asked about each, anonymously")
			.contains("/api/artisans/" + NEW_ARTISAN + " anonymous", "/api/artisans/no-such-artisan anonymous");
	}

	private static void runAtOnce(List<Callable<HttpResponse<String>>> calls) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
			for (Future<HttpResponse<String>> call : pool.invokeAll(calls)) {
				HttpResponse<String> response = call.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
			}
		}
	}

	private int favouriteCount(String product) {
		return Http.json(Http.get(url("/api/products/" + product))).path("favouriteCount").asInt();
	}

	private JsonNode listed(Artisan maker, String product) {
		for (JsonNode item : Http.json(Http.get(url("/api/products?artisanId=" + maker.id()))).path("items")) {
			if (item.path("id").asString().equals(product)) {
				return item;
			}
		}
		throw new AssertionError("Product " + product + " is not listed");
	}

	private HttpResponse<String> favourite(String product, Map<String, String> auth) {
		return Http.putJson(url("/api/me/favourites/products/" + product), "", auth);
	}

	private HttpResponse<String> unfavourite(String product, Map<String, String> auth) {
		return Http.delete(url("/api/me/favourites/products/" + product), auth);
	}

	private static HttpServer artisanServiceStandIn() {
		return StandInServer.answering((exchange) -> {
			String path = exchange.getRequestURI().getPath();
			artisanServiceAsked.add(path
					+ (exchange.getRequestHeaders().containsKey("Authorization") ? " with a token" : " anonymous"));
			return path.equals("/api/artisans/" + NEW_ARTISAN) ? new StandInServer.Answer(200, """
					{"id":"%s","ownerId":"u-guba","displayName":"Guba Looms","craft":"carpets","city":"Guba",
					"country":"AZ","status":"PENDING"}""".formatted(NEW_ARTISAN))
					: new StandInServer.Answer(404, "{\"status\":404}");
		});
	}

	private static Map<String, String> buyerAuth(String buyer) {
		return Map.of("Authorization", TestTokens.bearer(buyer, "BUYER"));
	}

	private Artisan maker() {
		return KnownArtisans.register(this.kafka, this.snapshots, "Rishtan Blue", "Rishton", "UZ", Status.VERIFIED);
	}

	private String product(Artisan maker) {
		String listing = Http.toJson(Map.of("title", "Blue bowl", "description", "Ishkor glaze, wheel-thrown.",
				"category", "CERAMICS", "materials", List.of("clay"), "tags", List.of("bowl"), "price",
				Map.of("amount", "35.00", "currency", "AZN"), "stock", 5));
		HttpResponse<String> listed = Http.postJson(url("/api/products"), listing, maker.auth());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
