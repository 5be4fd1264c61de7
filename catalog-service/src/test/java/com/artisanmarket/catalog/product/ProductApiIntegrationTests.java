package com.artisanmarket.catalog.product;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.catalog.stock.Reservations;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
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
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ProductApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Autowired
	Reservations reservations;

	@Autowired
	MongoOperations mongo;

	@Test
	void anArtisanListsChangesRestocksAndArchivesAProduct() throws Exception {
		Artisan maker = artisan("Şirvan Carpets", "Şamaxı");

		HttpResponse<String> listed = Http.postJson(url("/api/products"), product("Şirvan carpet", "1200.00", 2),
				maker.auth());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		JsonNode body = Http.json(listed);
		String id = body.path("id").asString();
		assertThat(listed.headers().firstValue("Location")).hasValue("/api/products/" + id);
		assertThat(body.path("artisan").path("displayName").asString()).isEqualTo("Şirvan Carpets");
		assertThat(body.path("artisan").path("city").asString()).isEqualTo("Şamaxı");
		assertThat(body.path("price").toString()).isEqualTo("{\"amount\":\"1200.00\",\"currency\":\"AZN\"}");

		assertThat(Http.putJson(url("/api/products/" + id), product("Şirvan carpet, 2×3 m", "1350.00", 2), maker.auth())
			.statusCode()).isEqualTo(200);
		HttpResponse<String> restocked = patch("/api/products/" + id + "/stock", "{\"stock\": 7}", maker.auth());
		assertThat(Http.json(restocked).path("stock").asInt()).isEqualTo(7);
		assertThat(Http.json(Http.get(url("/api/products/" + id))).path("title").asString())
			.isEqualTo("Şirvan carpet, 2×3 m");

		assertThat(delete("/api/products/" + id, maker.auth()).statusCode()).isEqualTo(200);
		assertThat(Http.get(url("/api/products/" + id)).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/api/products/" + id), maker.auth()).statusCode()).as("the owner still sees it")
			.isEqualTo(200);
	}

	@Test
	void aRestockNamingAVersionCannotOverwriteUnitsAnOrderTookSince() throws Exception {
		Artisan maker = artisan("Rishtan Blue", "Rishton");
		String id = Http.json(Http.postJson(url("/api/products"), product("Blue bowl", "40.00", 5), maker.auth()))
			.path("id")
			.asString();
		String seen = Http.get(url("/api/products/" + id)).headers().firstValue("ETag").orElseThrow();

		Money price = new Money(new BigDecimal("40.00"), "AZN");
		this.reservations.reserve("order-" + UUID.randomUUID(),
				List.of(new OrderLine(id, maker.id(), maker.account(), "Blue bowl", price, 2, price.times(2))));

		HttpResponse<String> stale = patch("/api/products/" + id + "/stock", "{\"stock\": 10}",
				withIfMatch(maker.auth(), seen));
		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
		assertThat(Http.json(stale).path("type").asString()).endsWith("/precondition-failed");
		HttpResponse<String> now = Http.get(url("/api/products/" + id));
		assertThat(Http.json(now).path("stock").asInt()).as("the order's units stay taken").isEqualTo(3);
		String current = now.headers().firstValue("ETag").orElseThrow();
		assertThat(current).isNotEqualTo(seen);

		HttpResponse<String> restocked = patch("/api/products/" + id + "/stock", "{\"stock\": 10}",
				withIfMatch(maker.auth(), current));
		assertThat(restocked.statusCode()).as(restocked.body()).isEqualTo(200);
		assertThat(Http.json(restocked).path("stock").asInt()).isEqualTo(10);
		assertThat(restocked.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(current);
		assertThat(Http
			.putJson(url("/api/products/" + id), product("Blue bowl", "45.00", 10), withIfMatch(maker.auth(), current))
			.statusCode()).as("a PUT naming a version is held to it too").isEqualTo(412);
		assertThat(patch("/api/products/" + id + "/stock", "{\"stock\": 1}", withIfMatch(maker.auth(), "\"x\""))
			.statusCode()).isEqualTo(412);
	}

	@Test
	void aProductStoredBeforeVersionsWereKeptIsAtVersionZero() throws Exception {
		Artisan maker = artisan("Old Looms", "Quba");
		String id = Http.json(Http.postJson(url("/api/products"), product("Old rug", "300.00", 1), maker.auth()))
			.path("id")
			.asString();
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().unset("version"), Product.class);

		HttpResponse<String> read = Http.get(url("/api/products/" + id));
		assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
		HttpResponse<String> restocked = patch("/api/products/" + id + "/stock", "{\"stock\": 4}",
				withIfMatch(maker.auth(), "\"0\""));
		assertThat(restocked.statusCode()).as(restocked.body()).isEqualTo(200);
		assertThat(restocked.headers().firstValue("ETag")).hasValue("\"1\"");
	}

	@Test
	void letsOnlyTheOwnerOrAnAdminChangeAProduct() throws Exception {
		Artisan maker = artisan("Lahij Copper", "Lahıc");
		Artisan other = artisan("Other Workshop", "Baku");
		String id = Http.json(Http.postJson(url("/api/products"), product("Copper tray", "80.00", 3), maker.auth()))
			.path("id")
			.asString();

		assertThat(Http.putJson(url("/api/products/" + id), product("Mine now", "1.00", 3), other.auth()).statusCode())
			.isEqualTo(403);
		assertThat(patch("/api/products/" + id + "/stock", "{\"stock\": 0}", other.auth()).statusCode()).isEqualTo(403);
		assertThat(delete("/api/products/" + id, other.auth()).statusCode()).isEqualTo(403);
		assertThat(patch("/api/products/" + id + "/stock", "{\"stock\": 1}",
				Map.of("Authorization", TestTokens.bearer("admin", "ADMIN")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnInvalidProductWithAnErrorPerField() {
		Artisan maker = artisan("Validation Workshop", "Baku");
		Map<String, Object> invalid = new HashMap<>();
		invalid.put("title", "ab");
		invalid.put("category", "CARPETS");
		invalid.put("price", Map.of("amount", "10.001", "currency", "AZN"));
		invalid.put("stock", 100_001);
		invalid.put("tags", Collections.nCopies(21, "tag"));
		invalid.put("images", Collections.nCopies(9, "/media/0123456789abcdef01234567"));

		HttpResponse<String> response = Http.postJson(url("/api/products"), Http.toJson(invalid), maker.auth());

		assertThat(response.statusCode()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		Http.json(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).containsExactly("images", "price.amount", "stock", "tags", "title");

		HttpResponse<String> currency = Http.postJson(url("/api/products"), Http.toJson(Map.of("title", "A bowl",
				"category", "CERAMICS", "price", Map.of("amount", "10.00", "currency", "JPY"), "stock", 1)),
				maker.auth());
		assertThat(currency.statusCode()).isEqualTo(400);
		assertThat(Http.json(currency).path("errors").get(0).path("field").asString()).isEqualTo("price.currency");
		assertThat(Http.json(Http.get(url("/api/products/currencies"))).path("currencies").toString())
			.as("the currencies a form may offer, as configured")
			.isEqualTo("[\"AZN\",\"EUR\",\"USD\",\"UZS\"]");
	}

	@Test
	void hidesTheProductsOfASuspendedArtisanAndShowsThemAgainWhenReinstated() throws Exception {
		Artisan maker = artisan("Suspended Looms " + UUID.randomUUID(), "Quba");
		String id = Http.json(Http.postJson(url("/api/products"), product("Quba rug", "300.00", 1), maker.auth()))
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids(Http.get(url("/api/products?artisanId=" + maker.id()))).equals(List.of(id)));

		verification(maker, Status.SUSPENDED);
		await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/products/" + id)).statusCode() == 404);
		// Listings come from the search index, fed by the same events a moment later.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids(Http.get(url("/api/products?artisanId=" + maker.id()))).isEmpty());
		assertThat(Http.get(url("/api/products/pricing?ids=" + id)).body()).isEqualTo("[]");

		verification(maker, Status.VERIFIED);
		await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/products/" + id)).statusCode() == 200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids(Http.get(url("/api/products?artisanId=" + maker.id()))).equals(List.of(id)));
	}

	@Test
	void needsAnArtisanProfileToListAndAnArtisanToTry() {
		assertThat(Http
			.postJson(url("/api/products"), product("Orphan", "1.00", 1),
					Map.of("Authorization", TestTokens.bearer("buyer-" + UUID.randomUUID(), "BUYER")))
			.statusCode()).isEqualTo(403);
		assertThat(Http.postJson(url("/api/products"), product("Orphan", "1.00", 1)).statusCode()).isEqualTo(401);
	}

	private Artisan artisan(String name, String city) {
		return KnownArtisans.register(this.kafka, this.snapshots, name, city, "AZ", Status.PENDING);
	}

	private void verification(Artisan artisan, Status status) throws Exception {
		EventEnvelope<ArtisanVerificationChanged> changed = EventEnvelope
			.wrap(new ArtisanVerificationChanged(artisan.id(), artisan.account(), Status.PENDING, status, null, "admin",
					Instant.now()), "artisan-service", Instant.now(), null);
		this.kafka.send(Topics.ARTISAN_EVENTS, artisan.id(), EventJson.write(changed)).get();
	}

	private static Map<String, String> withIfMatch(Map<String, String> headers, String etag) {
		Map<String, String> with = new HashMap<>(headers);
		with.put("If-Match", etag);
		return with;
	}

	private static String product(String title, String price, int stock) {
		return Http.toJson(Map.of("title", title, "description", "Hand-knotted wool, natural dyes.", "category",
				"CARPETS", "materials", List.of("wool"), "tags", List.of("rug"), "price",
				Map.of("amount", price, "currency", "AZN"), "stock", stock));
	}

	private HttpResponse<String> patch(String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).DELETE();
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> ids(HttpResponse<String> response) {
		List<String> ids = new ArrayList<>();
		Http.json(response).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
