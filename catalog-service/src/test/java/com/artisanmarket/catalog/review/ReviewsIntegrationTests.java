package com.artisanmarket.catalog.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.catalog.ProductEvents;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews through the catalogue's HTTP API, with purchases and deliveries arriving as
 * order-service publishes them (on {@code order-events}) and ratings followed into the
 * search index through {@code catalog-events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ReviewsIntegrationTests {

	private static final Money PRICE = new Money(new BigDecimal("35.00"), "AZN");

	private static final Map<String, String> ADMIN = Map.of("Authorization",
			TestTokens.bearer("admin-" + UUID.randomUUID(), "ADMIN"));

	private final Map<String, Artisan> productsOf = new ConcurrentHashMap<>();

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
	void aBuyerReviewsOnlyAProductDeliveredToThemAndOnlyOnce() throws Exception {
		Artisan maker = maker();
		String product = product(maker);
		String buyer = "buyer-" + UUID.randomUUID();
		String stranger = "buyer-" + UUID.randomUUID();
		String order = order(buyer, product);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> review(product, stranger, order, 5).statusCode() == 403
					&& review(product, buyer, order, 5).statusCode() == 409);

		HttpResponse<String> notTheirs = review(product, stranger, order, 5);
		assertThat(notTheirs.statusCode()).as("another buyer's order").isEqualTo(403);
		assertThat(Http.json(notTheirs).path("type").asString()).endsWith("/forbidden");
		HttpResponse<String> early = review(product, buyer, order, 5);
		assertThat(early.statusCode()).as("not delivered yet").isEqualTo(409);
		assertThat(review(product, buyer, "order-" + UUID.randomUUID(), 5).statusCode()).as("no such order")
			.isEqualTo(403);

		assertThat(review(product, buyer, order, 7).statusCode()).as("1 to 5 stars").isEqualTo(400);
		deliver(order, buyer, product);
		await().atMost(Duration.ofSeconds(30)).until(() -> review(product, buyer, order, 4).statusCode() != 409);
		JsonNode written = Http.json(Http.get(url("/api/products/" + product + "/reviews")));
		assertThat(written.path("totalItems").asInt()).isEqualTo(1);
		JsonNode only = written.path("items").get(0);
		assertThat(only.path("rating").asInt()).isEqualTo(4);
		assertThat(only.path("text").asString()).isEqualTo("<b>Lovely</b> blue glaze");
		assertThat(only.path("buyerDisplayName").asString()).isEqualTo("A buyer");
		assertThat(only.has("buyerId")).as("the author's account is not shown").isFalse();

		HttpResponse<String> again = review(product, buyer, order, 5);
		assertThat(again.statusCode()).as("one review per buyer and product").isEqualTo(409);
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("rating").toString())
			.isEqualTo("{\"average\":4.0,\"count\":1}");
		assertThat(
				Http.postJson(url("/api/products/" + product + "/reviews"), body(order, 5), maker.auth()).statusCode())
			.as("an artisan does not review")
			.isEqualTo(403);
		assertThat(Http.postJson(url("/api/products/" + product + "/reviews"), body(order, 5)).statusCode())
			.isEqualTo(401);
	}

	@Test
	void theRatingIsTheAverageOfTheVisibleReviewsAfterConcurrentWritesModerationAndRedelivery() throws Exception {
		Artisan maker = maker();
		String product = product(maker);
		List<String> buyers = new ArrayList<>();
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String buyer = "buyer-" + UUID.randomUUID();
			buyers.add(buyer);
			orders.add(order(buyer, product));
		}
		for (int i = 0; i < 50; i++) {
			deliver(orders.get(i), buyers.get(i), product);
		}
		// Orders are spread over partitions: wait until every delivery was taken in.
		Query delivered = new Query(Criteria.where("_id").in(orders));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.mongo.count(delivered, Purchases.COLLECTION) == 50);

		List<Callable<HttpResponse<String>>> writes = new ArrayList<>();
		List<Integer> stars = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int rating = 1 + (i * 7) % 5;
			stars.add(rating);
			String buyer = buyers.get(i);
			String order = orders.get(i);
			writes.add(() -> review(product, buyer, order, rating));
		}
		List<String> ids = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (Future<HttpResponse<String>> written : pool.invokeAll(writes)) {
				HttpResponse<String> response = written.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
				ids.add(Http.json(response).path("id").asString());
			}
		}
		assertThat(
				Http.json(Http.get(url("/api/products/" + product + "/reviews?size=100"))).path("totalItems").asInt())
			.isEqualTo(50);
		assertRating(product, stars, List.of());

		List<Integer> hidden = List.of(0, 5, 10, 15, 20);
		for (int i : hidden) {
			assertThat(moderate(ids.get(i), "HIDDEN").statusCode()).isEqualTo(200);
		}
		assertRating(product, stars, hidden);
		assertThat(Http.get(url("/api/reviews/" + ids.get(0))).statusCode()).as("hidden from the public")
			.isEqualTo(404);
		assertThat(Http.get(url("/api/reviews/" + ids.get(0)), ADMIN).statusCode()).isEqualTo(200);
		assertThat(moderate(ids.get(5), "VISIBLE").statusCode()).isEqualTo(200);
		assertThat(moderate(ids.get(10), "VISIBLE").statusCode()).isEqualTo(200);
		List<Integer> stillHidden = List.of(0, 15, 20);
		assertRating(product, stars, stillHidden);

		// Every review event of the product delivered again, newest first: the index
		// keeps the newest rating it saw.
		List<ConsumerRecord<String, String>> events = ProductEvents.of(this.consumers, product,
				(type) -> type.startsWith("Review"));
		assertThat(events).hasSize(50 + 5 + 2);
		Collections.reverse(events);
		for (ConsumerRecord<String, String> event : events) {
			this.kafka.send(Topics.CATALOG_EVENTS, event.key(), event.value()).get();
		}
		// A later change of the same product: once the index shows it, it has read the
		// redelivered events before it.
		assertThat(Http.patchJson(url("/api/products/" + product + "/stock"), "{\"stock\": 777}", maker.auth())
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> listed(maker, product).path("stock").asInt() == 777);
		assertRating(product, stars, stillHidden);
	}

	@Test
	void theArtisanAnswersAnyoneReportsAndAnAdminHides() throws Exception {
		Artisan maker = maker();
		Artisan other = maker();
		Reviewed reviewed = reviewed(maker, 2);
		String product = reviewed.product();
		String buyer = reviewed.buyer();
		String id = reviewed.id();

		String reply = "{\"text\": \"Thank you; we will send a new lid.\"}";
		assertThat(Http.postJson(url("/api/reviews/" + id + "/reply"), reply, other.auth()).statusCode())
			.as("not their product")
			.isEqualTo(403);
		assertThat(Http.postJson(url("/api/reviews/" + id + "/reply"), reply, buyerAuth(buyer)).statusCode())
			.as("buyers do not answer")
			.isEqualTo(403);
		assertThat(Http.putJson(url("/api/reviews/" + id + "/reply"), reply, maker.auth()).statusCode())
			.as("no answer to edit yet")
			.isEqualTo(409);
		assertThat(Http.postJson(url("/api/reviews/" + id + "/reply"), reply, maker.auth()).statusCode())
			.isEqualTo(201);
		assertThat(Http.postJson(url("/api/reviews/" + id + "/reply"), reply, maker.auth()).statusCode())
			.as("one answer")
			.isEqualTo(409);
		assertThat(Http.putJson(url("/api/reviews/" + id + "/reply"), "{\"text\": \"Sent today.\"}", maker.auth())
			.statusCode()).isEqualTo(200);
		assertThat(Http.json(Http.get(url("/api/reviews/" + id))).path("reply").path("text").asString())
			.isEqualTo("Sent today.");

		Map<String, String> reporter = buyerAuth("buyer-" + UUID.randomUUID());
		String reason = "{\"reason\": \"Not about the product\"}";
		assertThat(Http.postJson(url("/api/reviews/" + id + "/report"), reason).statusCode()).isEqualTo(401);
		assertThat(Http.postJson(url("/api/reviews/" + id + "/report"), reason, reporter).statusCode()).isEqualTo(204);
		assertThat(Http.postJson(url("/api/reviews/" + id + "/report"), reason, reporter).statusCode())
			.as("once per user")
			.isEqualTo(409);
		assertThat(Http.get(url("/api/admin/reviews?status=REPORTED"), buyerAuth(buyer)).statusCode()).isEqualTo(403);
		JsonNode queue = Http.json(Http.get(url("/api/admin/reviews?status=REPORTED&size=100"), ADMIN));
		List<String> queued = new ArrayList<>();
		queue.path("items").forEach((item) -> queued.add(item.path("id").asString()));
		assertThat(queued).contains(id);
		assertThat(Http.json(Http.get(url("/api/reviews/" + id), ADMIN))
			.path("moderation")
			.path("reports")
			.get(0)
			.path("reason")
			.asString()).isEqualTo("Not about the product");

		assertThat(Http.putJson(url("/api/reviews/" + id + "/moderation"), "{\"status\": \"HIDDEN\"}", maker.auth())
			.statusCode()).as("only admins moderate").isEqualTo(403);
		assertThat(Http.putJson(url("/api/reviews/" + id + "/moderation"), "{\"status\": \"REPORTED\"}", ADMIN)
			.statusCode()).isEqualTo(400);
		assertThat(moderate(id, "HIDDEN").statusCode()).isEqualTo(200);
		assertThat(Http.json(Http.get(url("/api/products/" + product + "/reviews"))).path("totalItems").asInt())
			.isZero();
		assertThat(Http.json(Http.get(url("/api/products/" + product + "/reviews"), ADMIN)).path("totalItems").asInt())
			.isEqualTo(1);
		assertThat(Http.get(url("/api/reviews/" + id), buyerAuth(buyer)).statusCode()).as("the author still sees it")
			.isEqualTo(200);
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("rating").path("count").asInt()).isZero();
	}

	@Test
	void theAuthorEditsAndDeletesTheirReviewAndNobodyElseDoes() throws Exception {
		Reviewed reviewed = reviewed(maker(), 3);
		String product = reviewed.product();
		String buyer = reviewed.buyer();
		String order = reviewed.order();
		String id = reviewed.id();

		String edit = "{\"rating\": 5, \"text\": \"It grew on me.\"}";
		assertThat(Http.putJson(url("/api/reviews/" + id), edit, buyerAuth("buyer-" + UUID.randomUUID())).statusCode())
			.isEqualTo(403);
		assertThat(Http.putJson(url("/api/reviews/" + id), "{\"rating\": 0}", buyerAuth(buyer)).statusCode())
			.isEqualTo(400);
		HttpResponse<String> edited = Http.putJson(url("/api/reviews/" + id), edit, buyerAuth(buyer));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("rating").path("average").asDouble())
			.isEqualTo(5.0);
		assertThat(Http.delete(url("/api/reviews/" + id), buyerAuth("buyer-" + UUID.randomUUID())).statusCode())
			.isEqualTo(403);
		assertThat(Http.delete(url("/api/reviews/" + id), buyerAuth(buyer)).statusCode()).isEqualTo(204);
		assertThat(Http.get(url("/api/reviews/" + id)).statusCode()).isEqualTo(404);
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("rating").path("count").asInt()).isZero();
		assertThat(review(product, buyer, order, 4).statusCode()).as("a deleted review may be written anew")
			.isEqualTo(201);
	}

	/** A product of the maker, delivered to a new buyer who gave it the stars. */
	private Reviewed reviewed(Artisan maker, int rating) throws Exception {
		String product = product(maker);
		String buyer = "buyer-" + UUID.randomUUID();
		String order = order(buyer, product);
		deliver(order, buyer, product);
		await().atMost(Duration.ofSeconds(30)).until(() -> review(product, buyer, order, rating).statusCode() == 201);
		String id = Http.json(Http.get(url("/api/products/" + product + "/reviews")))
			.path("items")
			.get(0)
			.path("id")
			.asString();
		return new Reviewed(product, buyer, order, id);
	}

	private record Reviewed(String product, String buyer, String order, String id) {

	}

	private void assertRating(String product, List<Integer> stars, List<Integer> hidden) {
		int count = 0;
		int sum = 0;
		for (int i = 0; i < stars.size(); i++) {
			if (!hidden.contains(i)) {
				count++;
				sum += stars.get(i);
			}
		}
		String expected = "{\"average\":"
				+ BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP) + ",\"count\":"
				+ count + "}";
		assertThat(Http.json(Http.get(url("/api/products/" + product))).path("rating").toString()).isEqualTo(expected);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode listed = Http.json(Http.get(url("/api/products/" + product)));
			String artisanId = listed.path("artisanId").asString();
			JsonNode item = Http.json(Http.get(url("/api/products?artisanId=" + artisanId))).path("items").get(0);
			assertThat(item.path("rating").toString()).as("the search index's copy").isEqualTo(expected);
		});
	}

	private JsonNode listed(Artisan maker, String product) {
		JsonNode items = Http.json(Http.get(url("/api/products?artisanId=" + maker.id()))).path("items");
		for (JsonNode item : items) {
			if (item.path("id").asString().equals(product)) {
				return item;
			}
		}
		return Http.json(Http.get(url("/api/products/" + product)));
	}

	private HttpResponse<String> moderate(String reviewId, String status) {
		return Http.putJson(url("/api/reviews/" + reviewId + "/moderation"),
				"{\"status\": \"" + status + "\", \"note\": \"checked\"}", ADMIN);
	}

	private HttpResponse<String> review(String product, String buyer, String order, int rating) {
		return Http.postJson(url("/api/products/" + product + "/reviews"), body(order, rating), buyerAuth(buyer));
	}

	private static String body(String order, int rating) {
		return Http.toJson(Map.of("rating", rating, "text", "<b>Lovely</b> blue glaze", "orderId", order));
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
				Map.of("amount", "35.00", "currency", "AZN"), "stock", 500));
		HttpResponse<String> listed = Http.postJson(url("/api/products"), listing, maker.auth());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		String id = Http.json(listed).path("id").asString();
		this.productsOf.put(id, maker);
		return id;
	}

	/** Places an order of the product, as order-service publishes it. */
	private String order(String buyer, String product) throws Exception {
		String order = "order-" + UUID.randomUUID();
		send(new OrderPlaced(order, buyer, List.of(line(product)), PRICE, Instant.now()));
		return order;
	}

	private void deliver(String order, String buyer, String product) throws Exception {
		send(new OrderDelivered(order, buyer, List.of(line(product)), PRICE, Instant.now()));
	}

	private OrderLine line(String product) {
		Artisan maker = this.productsOf.get(product);
		return new OrderLine(product, maker.id(), maker.account(), "Blue bowl", PRICE, 1, PRICE);
	}

	private void send(OrderEvent event) throws Exception {
		this.kafka
			.send(Topics.ORDER_EVENTS, event.orderId(),
					EventJson.write(EventEnvelope.wrap(event, "order-service", Instant.now(), null)))
			.get();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
