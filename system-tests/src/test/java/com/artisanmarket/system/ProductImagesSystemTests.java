package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 6: through the gateway, a product shows only pictures uploaded to the
 * marketplace for its artisan, and pages load images from the marketplace alone, so no
 * listing can make a buyer's browser call a tracker.
 */
class ProductImagesSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	/** The smallest well-formed PNG: a 1×1 image. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC");

	@Test
	void anExternalImageIsRefusedAndAnUploadedOneIsShown() {
		Users.User owner = artisan("Tracker Free Looms");
		String first = productOf(list(owner, List.of()));

		HttpResponse<String> external = list(owner, List.of("https://tracker.example/pixel.png"));
		HttpResponse<String> edited = Http.putJson(marketplace.gatewayUrl() + "/api/products/" + first,
				product(List.of("https://tracker.example/pixel.png")), owner.authorization());
		HttpResponse<String> uploaded = Http.postFile(marketplace.gatewayUrl() + "/api/products/" + first + "/images",
				"file", "rug.png", "image/png", PNG, owner.authorization());
		String image = Http.json(uploaded).path("url").asString();
		HttpResponse<String> own = list(owner, List.of(image));

		assertRefusedNaming(external, "images[0]");
		assertRefusedNaming(edited, "images[0]");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		assertThat(Http.json(own).path("images").get(0).asString()).isEqualTo(image);
		assertThat(Http.get(marketplace.gatewayUrl() + image).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherArtisansUploadIsRefused() {
		Users.User owner = artisan("Own Copper");
		Users.User other = artisan("Other Copper");
		String theirs = productOf(list(other, List.of()));
		HttpResponse<String> uploaded = Http.postFile(marketplace.gatewayUrl() + "/api/products/" + theirs + "/images",
				"file", "tray.png", "image/png", PNG, other.authorization());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

		HttpResponse<String> borrowed = list(owner, List.of(Http.json(uploaded).path("url").asString()));

		assertRefusedNaming(borrowed, "images[0]");
	}

	@Test
	void pagesLoadImagesOnlyFromTheMarketplace() {
		HttpResponse<String> page = Http.get(marketplace.gatewayUrl() + "/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("img-src 'self' data:;").doesNotContain("https:"));
	}

	private static void assertRefusedNaming(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode errors = Http.json(response).path("errors");
		assertThat(errors.size()).as(response.body()).isEqualTo(1);
		assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
	}

	private static Users.User artisan(String name) {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", name, "craft", "weaving", "city", "Baku", "country", "AZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		return owner;
	}

	private static HttpResponse<String> list(Users.User owner, List<String> images) {
		return Http.postJson(marketplace.gatewayUrl() + "/api/products", product(images), owner.authorization());
	}

	private static String product(List<String> images) {
		return Http.toJson(Map.of("title", "Shirvan rug", "category", "CARPETS", "price",
				Map.of("amount", "120.00", "currency", "USD"), "stock", 2, "images", images));
	}

	private static String productOf(HttpResponse<String> listed) {
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

}
