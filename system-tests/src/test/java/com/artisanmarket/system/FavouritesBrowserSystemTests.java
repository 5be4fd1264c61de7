package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Favourites in headless Chromium against the whole marketplace: a buyer hearts a piece
 * and its maker, finds both on the Favourites page, the artisan sees the piece counted in
 * the studio, and the buyer takes the heart off again.
 */
class FavouritesBrowserSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@RegisterExtension
	static final BrowserSession session = new BrowserSession(marketplace);

	@Test
	void aBuyerKeepsAPieceAndItsMakerAndTheArtisanSeesItCounted() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans", Http
			.toJson(Map.of("displayName", "Guba Looms " + tag, "craft", "carpets", "city", "Guba", "country", "AZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		String artisanId = Http.json(profile).path("id").asString();
		String title = "Guba prayer rug " + tag;
		HttpResponse<String> listed = Http
			.postJson(
					marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", title, "category",
							"CARPETS", "price", Map.of("amount", "380.00", "currency", "AZN"), "stock", 2)),
					artisan.authorization());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		String productId = Http.json(listed).path("id").asString();

		// A visitor's heart asks them to sign in.
		browser().signOut();
		browser().open("/products/" + productId);
		assertThat(browser().find("#product-favourite a.heart").getDomAttribute("href"))
			.isEqualTo("/signin?next=%2Fproducts%2F" + productId);

		Users.User buyer = Users.signUp(marketplace, "BUYER");
		browser().signIn(buyer);
		browser().open("/products/" + productId);
		String heart = "#product-favourite button.heart";
		assertThat(browser().find(heart).getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(browser().find("#product-favourite .heart-count").getText()).startsWith("0");
		browser().find(heart).click();
		browser().waitUntil((driver) -> "true".equals(browser().find(heart).getDomAttribute("aria-pressed")));
		assertThat(browser().find(heart).getDomAttribute("aria-label")).isEqualTo("Remove from favourites");
		browser().open("/products/" + productId);
		browser().waitUntil((driver) -> "true".equals(browser().find(heart).getDomAttribute("aria-pressed")));
		assertThat(browser().find("#product-favourite .heart-count").getText()).as("counted by the server")
			.startsWith("1");
		browser().shoot("favourite-product");

		browser().open("/artisans/" + artisanId);
		browser().find("#artisan-favourite button.heart").click();
		browser().waitUntil((driver) -> "true"
			.equals(browser().find("#artisan-favourite button.heart").getDomAttribute("aria-pressed")));

		browser().find("#favourites-link").click();
		browser().waitUntil((driver) -> browser().heading().equals("Favourites"));
		String card = "#favourite-products li.product-card[data-product-id='" + productId + "']";
		assertThat(browser().find(card + " .card-title").getText()).isEqualTo(title);
		assertThat(browser().find("#favourite-artisans li[data-artisan-id='" + artisanId + "'] .card-title").getText())
			.isEqualTo("Guba Looms " + tag);
		browser().shoot("favourites");

		// The count reaches the artisan's statistics through catalog-events.
		browser().signIn(artisan);
		browser().eventually("/studio/stats",
				() -> browser().find("#favourite-counts").getText().contains(title + " · 1 buyers keep this"));

		// The buyer takes the heart off on the Favourites page: the piece leaves it and
		// the count goes back.
		browser().signIn(buyer);
		browser().open("/favourites");
		browser().find(card + " button.heart").click();
		browser().waitUntil(
				(driver) -> "false".equals(browser().find(card + " button.heart").getDomAttribute("aria-pressed")));
		browser().open("/favourites");
		assertThat(browser().driver().findElements(By.cssSelector(card))).isEmpty();
		browser().open("/products/" + productId);
		browser().waitUntil((driver) -> "false".equals(browser().find(heart).getDomAttribute("aria-pressed")));
		assertThat(browser().find("#product-favourite .heart-count").getText()).startsWith("0");

		// In the reader's language.
		new Select(browser().find("#language")).selectByValue("az");
		browser()
			.waitUntil((driver) -> "Seçilmişlərə əlavə et".equals(browser().find(heart).getDomAttribute("aria-label")));
		assertThat(browser().find("#favourites-link").getText()).isEqualTo("Seçilmişlər");
		new Select(browser().find("#language")).selectByValue("en");
	}

	private static Browser browser() {
		return session.browser();
	}

}
