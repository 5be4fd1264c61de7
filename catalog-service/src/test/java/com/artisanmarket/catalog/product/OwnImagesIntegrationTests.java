package com.artisanmarket.catalog.product;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 6: a product shows only pictures uploaded to the marketplace for its
 * artisan's products, so a listing can make no buyer's browser call anyone else, nor show
 * another artisan's photos.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class OwnImagesIntegrationTests {

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

	@Test
	void refusesAnImageFromAnotherSiteNamingTheField() {
		Artisan maker = artisan("Tracker Free Looms");

		HttpResponse<String> response = list(maker, List.of("https://tracker.example/x.png"));

		assertRefused(response, "images[0]");
	}

	@Test
	void refusesAnotherArtisansUploadOnANewProductAndOnAnEdit() {
		Artisan maker = artisan("Honest Copper");
		Artisan other = artisan("Other Copper");
		String theirs = upload(other, productOf(list(other, List.of())));
		String mine = productOf(list(maker, List.of()));

		assertRefused(list(maker, List.of(theirs)), "images[0]");
		assertRefused(Http.putJson(url("/api/products/" + mine), product(List.of(theirs)), maker.auth()), "images[0]");
		assertThat(Http.json(Http.get(url("/api/products/" + mine))).path("images").size()).isZero();
	}

	@Test
	void refusesUnknownImagesAndPathsThatLeaveTheMediaFolder() {
		Artisan maker = artisan("Careful Clay");
		String own = upload(maker, productOf(list(maker, List.of())));

		for (String image : List.of("/media/0123456789abcdef01234567", "/media/../api/products", own + "/../x",
				"/media/%2e%2e/x", own.toUpperCase(Locale.ROOT), "//tracker.example/x.png",
				"http://tracker.example" + own, "data:image/png;base64,iVBORw0KGgo=", own + "?t=1")) {
			assertRefused(list(maker, List.of(own, image)), "images[1]");
		}
	}

	@Test
	void acceptsTheArtisansOwnUploadsOnAnyOfTheirProducts() {
		Artisan maker = artisan("Own Pictures");
		String first = productOf(list(maker, List.of()));
		String image = upload(maker, first);

		HttpResponse<String> listed = list(maker, List.of(image));
		HttpResponse<String> edited = Http.putJson(url("/api/products/" + first), product(List.of(image)),
				maker.auth());
		HttpResponse<String> byAdmin = Http.putJson(url("/api/products/" + first), product(List.of(image)),
				Map.of("Authorization", TestTokens.bearer("admin", "ADMIN")));

		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		assertThat(Http.json(listed).path("images").get(0).asString()).isEqualTo(image);
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
	}

	@Test
	void anImportRefusesRowsWithForeignImagesAndListsTheOthers() {
		Artisan maker = artisan("Importing Weaver");
		Artisan other = artisan("Other Weaver");
		String own = upload(maker, productOf(list(maker, List.of())));
		String theirs = upload(other, productOf(list(other, List.of())));

		HttpResponse<String> response = Http.postCsv(url("/api/products/import"),
				HEADER + "external,Suzani,,TEXTILES,,,10,AZN,1,https://tracker.example/x.png\n"
						+ "foreign,Suzani,,TEXTILES,,,10,AZN,1," + theirs + "\n"
						+ "unknown,Suzani,,TEXTILES,,,10,AZN,1,/media/0123456789abcdef01234567\n"
						+ "own,Suzani,,TEXTILES,,,10,AZN,1," + own + "\n",
				maker.auth());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode results = Http.json(response).path("results");
		List<String> outcomes = new ArrayList<>();
		results.forEach((row) -> outcomes.add(row.path("outcome").asString()));
		assertThat(outcomes).containsExactly("REFUSED", "REFUSED", "REFUSED", "CREATED");
		for (int row = 0; row < 3; row++) {
			JsonNode error = results.get(row).path("errors").get(0);
			assertThat(error.path("field").asString()).as("row %d", row + 1).isEqualTo("images");
			assertThat(error.path("message").asString()).as("row %d", row + 1).isNotBlank();
		}
	}

	private static void assertRefused(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		List<String> fields = new ArrayList<>();
		Http.json(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).as(response.body()).containsExactly(field);
	}

	private HttpResponse<String> list(Artisan maker, List<String> images) {
		return Http.postJson(url("/api/products"), product(images), maker.auth());
	}

	private static String productOf(HttpResponse<String> listed) {
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private String upload(Artisan maker, String product) {
		HttpResponse<String> uploaded = Http.postFile(url("/api/products/" + product + "/images"), "file", "photo.png",
				"image/png", PNG, maker.auth());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return Http.json(uploaded).path("url").asString();
	}

	private static String product(List<String> images) {
		return Http.toJson(Map.of("title", "Copper tray", "category", "METALWORK", "price",
				Map.of("amount", "80.00", "currency", "AZN"), "stock", 3, "images", images));
	}

	private Artisan artisan(String name) {
		return KnownArtisans.register(this.kafka, this.snapshots, name + " " + UUID.randomUUID(), "Baku", "AZ",
				Status.VERIFIED);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
