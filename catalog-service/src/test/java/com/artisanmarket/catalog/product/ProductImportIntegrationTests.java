package com.artisanmarket.catalog.product;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.events.ArtisanEvent.Status;
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
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ProductImportIntegrationTests {

	private static final String HEADER = "key,title,description,category,materials,tags,price,currency,stock,images\n";

	/** The smallest well-formed PNG: a 1×1 image. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC");

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Autowired
	MongoOperations mongo;

	@Test
	void importedProductsBecomeSearchableAndASecondImportCreatesNothing() {
		Artisan maker = artisan("Rishtan Glaze");
		String csv = HEADER + "bowl-1,Blue lagan bowl,\"Ishkor glaze, 30 cm\",CERAMICS,clay,bowl|blue,45.00,UZS,3,\n"
				+ "bowl-2,Green plate,,CERAMICS,clay|glaze,plate,30,UZS,5,\n"
				+ "rug-1,Small suzani,Silk on cotton,TEXTILES,silk,suzani,120.5,USD,1,\n";

		JsonNode first = Http.json(importCsv(csv, maker.auth()));
		assertThat(first.path("created").asInt()).as(first.toString()).isEqualTo(3);
		assertThat(outcomes(first)).containsExactly("CREATED", "CREATED", "CREATED");
		assertThat(first.path("results").get(0).path("row").asInt()).isEqualTo(1);
		assertThat(first.path("results").get(0).path("key").asString()).isEqualTo("bowl-1");
		List<String> ids = new ArrayList<>();
		first.path("results").forEach((row) -> ids.add(row.path("productId").asString()));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> listed("/api/products?artisanId=" + maker.id()).containsAll(ids));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> listed("/api/products?q=lagan&artisanId=" + maker.id()).equals(List.of(ids.get(0))));

		JsonNode second = Http.json(importCsv(csv, maker.auth()));
		assertThat(second.path("created").asInt()).isZero();
		assertThat(second.path("unchanged").asInt()).isEqualTo(3);
		assertThat(count(maker)).isEqualTo(3);

		String changed = HEADER
				+ "bowl-1,Blue lagan bowl,\"Ishkor glaze, 30 cm\",CERAMICS,clay,bowl|blue,50.00,UZS,3,\n";
		JsonNode third = Http.json(importCsv(changed, maker.auth()));
		assertThat(outcomes(third)).containsExactly("UPDATED");
		assertThat(third.path("results").get(0).path("productId").asString()).isEqualTo(ids.get(0));
		assertThat(count(maker)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(url("/api/products?q=lagan&artisanId=" + maker.id())))
				.path("items")
				.path(0)
				.path("price")
				.path("amount")
				.asString()
				.equals("50.00"));
	}

	@Test
	void refusesBadRowsWithTheirReasonsAndCreatesTheGoodOnes() {
		Artisan maker = artisan("Mixed Rows Workshop");
		String csv = HEADER + "good-1,Copper jug,,METALWORK,copper,,80.00,AZN,2,\n"
				+ "bad-title,ab,,METALWORK,,,10.001,AZN,100001,\n" + "bad-category,Copper tray,,SPACESHIPS,,,1,AZN,1,\n"
				+ "bad-currency,Copper pot,,METALWORK,,,1,JPY,1,\n"
				+ "bad-number,Copper cup,,METALWORK,,,cheap,AZN,x,\n" + ",No key here,,METALWORK,,,1,AZN,1,\n"
				+ "good-1,Repeated key,,METALWORK,,,1,AZN,1,\n"
				+ "good-2,Copper bowl,,METALWORK,,bowl|copper,15.00,AZN,4,\n";

		HttpResponse<String> response = importCsv(csv, maker.auth());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = Http.json(response);
		assertThat(outcomes(report)).containsExactly("CREATED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
				"REFUSED", "CREATED");
		assertThat(report.path("created").asInt()).isEqualTo(2);
		assertThat(report.path("refused").asInt()).isEqualTo(6);
		assertThat(fields(report, 1)).containsExactly("price", "stock", "title");
		assertThat(fields(report, 2)).containsExactly("category");
		assertThat(fields(report, 3)).containsExactly("currency");
		assertThat(fields(report, 4)).containsExactly("price", "stock");
		assertThat(fields(report, 5)).containsExactly("key");
		assertThat(fields(report, 6)).containsExactly("key");
		assertThat(report.path("results").get(6).path("errors").get(0).path("message").asString())
			.isEqualTo("repeats the key of row 1");
		assertThat(count(maker)).isEqualTo(2);
	}

	@Test
	void anotherArtisansImportNeverTouchesYourProducts() {
		Artisan mine = artisan("My Looms");
		Artisan theirs = artisan("Their Looms");
		JsonNode imported = Http.json(importCsv(HEADER + "rug,My rug,,CARPETS,wool,,500,AZN,1,\n", mine.auth()));
		String myId = imported.path("results").get(0).path("productId").asString();

		JsonNode sameKey = Http.json(importCsv(
				HEADER + "rug,Their rug,,CARPETS,wool,,1,AZN,9,\n" + myId + ",Taken over,,CARPETS,wool,,1,AZN,9,\n",
				theirs.auth()));

		assertThat(outcomes(sameKey)).containsExactly("CREATED", "CREATED");
		sameKey.path("results").forEach((row) -> assertThat(row.path("productId").asString()).isNotEqualTo(myId));
		Product product = this.mongo.findById(myId, Product.class);
		assertThat(product.title()).isEqualTo("My rug");
		assertThat(product.stock()).isEqualTo(1);
		assertThat(product.ownerId()).isEqualTo(mine.account());
		assertThat(count(mine)).isEqualTo(1);
		assertThat(exportCsv(theirs.auth()).body()).doesNotContain("My rug");
	}

	@Test
	void anExportImportsBackWithoutChangingAnything() {
		Artisan maker = artisan("Round Trip Crafts");
		String byHand = Http
			.toJson(Map.of("title", "Hand-listed bowl", "description", "Made, listed by hand.", "category", "CERAMICS",
					"tags", List.of("bowl"), "price", Map.of("amount", "12.50", "currency", "USD"), "stock", 2));
		HttpResponse<String> listed = Http.postJson(url("/api/products"), byHand, maker.auth());
		assertThat(listed.statusCode()).isEqualTo(201);
		String ring = upload(Http.json(listed).path("id").asString(), maker);
		String box = upload(Http.json(listed).path("id").asString(), maker);
		JsonNode imported = Http.json(importCsv(
				HEADER + "k-1,\"Quoted, \"\"title\"\"\",\"Two\nlines\",JEWELRY,silver|coral,ring|gift,99.90,EUR,7,"
						+ ring + "|" + box + "\n",
				maker.auth()));
		assertThat(outcomes(imported)).as(imported.toString()).containsExactly("CREATED");

		HttpResponse<String> export = exportCsv(maker.auth());

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("products.csv");
		assertThat(export.body()).startsWith(HEADER.strip()).contains("Hand-listed bowl").contains("k-1");
		JsonNode reimport = Http.json(importCsv(export.body(), maker.auth()));
		assertThat(outcomes(reimport)).containsExactly("UNCHANGED", "UNCHANGED");
		assertThat(count(maker)).isEqualTo(2);
		assertThat(exportCsv(maker.auth()).body()).isEqualTo(export.body());
	}

	@Test
	void refusesMoreThanFiveThousandRowsAndCreatesNone() {
		Artisan maker = artisan("Too Many Rows");
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i <= 5_000; i++) {
			csv.append("k").append(i).append(",Bowl ").append(i).append(",,CERAMICS,,,1,UZS,1,\n");
		}

		HttpResponse<String> response = importCsv(csv.toString(), maker.auth());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Http.json(response).path("detail").asString()).contains("5000");
		assertThat(count(maker)).isZero();
	}

	@Test
	void importsTheMostRowsAFileMayHold() {
		Artisan maker = artisan("Five Thousand Pieces");
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 5_000; i++) {
			csv.append("k").append(i).append(",Bowl number ").append(i).append(",,CERAMICS,clay,bowl,1,UZS,1,\n");
		}

		long start = System.nanoTime();
		HttpResponse<String> response = importCsv(csv.toString(), maker.auth());
		System.out.printf("Imported 5,000 rows in %d ms%n", (System.nanoTime() - start) / 1_000_000);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Http.json(response).path("created").asInt()).isEqualTo(5_000);
		assertThat(count(maker)).isEqualTo(5_000);
	}

	@Test
	void theSameRowsImportedTwiceAtOnceListEachProductOnce() throws Exception {
		Artisan maker = artisan("Twice At Once");
		StringBuilder csv = new StringBuilder(HEADER);
		int rows = 1_200;
		for (int i = 0; i < rows; i++) {
			csv.append("twin-").append(i).append(",Plate ").append(i).append(",,CERAMICS,clay,plate,2,UZS,1,\n");
		}

		CompletableFuture<HttpResponse<String>> first = CompletableFuture
			.supplyAsync(() -> importCsv(csv.toString(), maker.auth()));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture
			.supplyAsync(() -> importCsv(csv.toString(), maker.auth()));
		JsonNode one = Http.json(first.get());
		JsonNode other = Http.json(second.get());

		assertThat(one.path("created").asInt() + other.path("created").asInt()).isEqualTo(rows);
		assertThat(one.path("unchanged").asInt() + other.path("unchanged").asInt()).isEqualTo(rows);
		for (int i = 0; i < rows; i++) {
			JsonNode a = one.path("results").get(i);
			JsonNode b = other.path("results").get(i);
			assertThat(a.path("row").asInt()).isEqualTo(i + 1);
			assertThat(a.path("productId").asString()).isEqualTo(b.path("productId").asString());
			assertThat(List.of(a.path("outcome").asString(), b.path("outcome").asString()))
				.containsExactlyInAnyOrder("CREATED", "UNCHANGED");
		}
		assertThat(count(maker)).isEqualTo(rows);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(url("/api/products?artisanId=" + maker.id())))
				.path("totalItems")
				.asLong() == rows);
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		Artisan maker = artisan("Wrong Header");
		HttpResponse<String> response = importCsv("name,cost\nBowl,1\n", maker.auth());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void onlyAnArtisanImportsOrExports() {
		Map<String, String> buyer = Map.of("Authorization", TestTokens.bearer("buyer-" + UUID.randomUUID(), "BUYER"));
		assertThat(importCsv(HEADER, Map.of()).statusCode()).isEqualTo(401);
		assertThat(exportCsv(Map.of()).statusCode()).isEqualTo(401);
		assertThat(importCsv(HEADER, buyer).statusCode()).isEqualTo(403);
		assertThat(exportCsv(buyer).statusCode()).isEqualTo(403);
	}

	private Artisan artisan(String name) {
		return KnownArtisans.register(this.kafka, this.snapshots, name + " " + UUID.randomUUID(), "Rishtan", "UZ",
				Status.VERIFIED);
	}

	private String upload(String product, Artisan maker) {
		HttpResponse<String> uploaded = Http.postFile(url("/api/products/" + product + "/images"), "file", "ring.png",
				"image/png", PNG, maker.auth());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return Http.json(uploaded).path("url").asString();
	}

	private long count(Artisan artisan) {
		return this.mongo.count(new Query(Criteria.where("artisanId").is(artisan.id())), Product.class);
	}

	private HttpResponse<String> importCsv(String csv, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/products/import")))
			.header("Content-Type", "text/csv; charset=utf-8")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(csv));
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> exportCsv(Map<String, String> headers) {
		return Http.get(url("/api/products/export"), headers);
	}

	private List<String> listed(String path) {
		List<String> ids = new ArrayList<>();
		Http.json(Http.get(url(path))).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static List<String> outcomes(JsonNode report) {
		List<String> outcomes = new ArrayList<>();
		report.path("results").forEach((row) -> outcomes.add(row.path("outcome").asString()));
		return outcomes;
	}

	private static List<String> fields(JsonNode report, int index) {
		List<String> fields = new ArrayList<>();
		report.path("results").get(index).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
