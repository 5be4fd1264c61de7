package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews in headless Chromium against the whole marketplace: a buyer reviews a piece
 * from their delivered order and changes the review, another buyer reports it, the
 * artisan answers it in the studio and an admin hides it from the moderation queue.
 */
class ReviewsBrowserSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@RegisterExtension
	static final BrowserSession session = new BrowserSession(marketplace);

	@Test
	void aBuyerReviewsADeliveredPieceTheArtisanAnswersAndAnAdminHidesItAfterAReport() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans", Http
			.toJson(Map.of("displayName", "Sheki Silk " + tag, "craft", "kelaghayi", "city", "Sheki", "country", "AZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		String artisanId = Http.json(profile).path("id").asString();
		HttpResponse<String> listed = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Kelaghayi silk scarf " + tag,
						"category", "TEXTILES", "price", Map.of("amount", "45.00", "currency", "AZN"), "stock", 10)),
				artisan.authorization());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		String productId = Http.json(listed).path("id").asString();
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String orderId = delivered(buyer, artisan, productId);

		// The buyer writes the review from the delivered order's line.
		browser().signIn(buyer);
		browser().open("/orders/" + orderId);
		browser().find("a.write-review").click();
		browser().waitUntil((driver) -> browser().heading().equals("Kelaghayi silk scarf " + tag));
		new Select(browser().find("#review-rating")).selectByValue("4");
		String text = "Soft as air. <b>Bold</b> colours, as in the photo.";
		browser().fill("#review-text", text);
		browser().shoot("review-form");
		// The catalogue learns of the delivery from order-events: until then the review
		// is
		// refused (409) and the buyer sends it again.
		browser().waitUntil(EVENTUALLY, (driver) -> {
			if (!driver.findElements(By.cssSelector("li.review .review-text")).isEmpty()) {
				return true;
			}
			driver.findElements(By.id("submit-review")).forEach(WebElement::click);
			return false;
		});
		assertThat(browser().find("li.review .review-text").getText()).as("shown as text, never as markup")
			.isEqualTo(text);
		assertThat(browser().find("#product-rating").getDomAttribute("aria-label"))
			.isEqualTo("Rated 4.0 out of 5 by 1 buyers");
		browser().shoot("reviews");

		browser().find("li.review .edit-review").click();
		new Select(browser().find("#review-rating")).selectByValue("5");
		browser().find("#submit-review").click();
		browser().waitUntil((driver) -> browser().find("#product-rating")
			.getDomAttribute("aria-label")
			.equals("Rated 5.0 out of 5 by 1 buyers"));
		// The listing's copy comes through the search index.
		browser().eventually("/artisans/" + artisanId,
				() -> !browser().driver()
					.findElements(By.cssSelector("li.product-card[data-product-id='" + productId + "'] .card-rating"))
					.isEmpty());

		// Another buyer reports it.
		browser().signIn(Users.signUp(marketplace, "BUYER"));
		browser().open("/products/" + productId);
		browser().find("li.review .report-review").click();
		browser().fill("form.report-form input[name='reason']", "Mentions another shop");
		browser().find("form.report-form button[type='submit']").click();
		browser().waitUntil((driver) -> browser().find("#reviews .alert.success")
			.getText()
			.equals("Thank you; the marketplace will look at it."));

		// The artisan answers in the studio.
		browser().signIn(artisan);
		// The artisan's rating comes through catalog-events to artisan-service.
		browser().eventually("/studio/reviews", () -> "Rated 5.0 out of 5 by 1 buyers"
			.equals(browser().find("#studio-rating").getDomAttribute("aria-label")));
		assertThat(browser().find("#rating-by-month tbody tr").getText()).contains("5.0");
		browser().fill("form.reply-form textarea", "Thank you, Leyla! Kelaghayi is dyed with madder here in Sheki.");
		browser().find("form.reply-form button[type='submit']").click();
		browser().waitUntil((
				driver) -> browser().find(".studio-page .alert.success").getText().equals("Your answer is published."));
		browser().shoot("studio-reviews");
		browser().open("/products/" + productId);
		assertThat(browser().find("li.review .reply-text").getText())
			.isEqualTo("Thank you, Leyla! Kelaghayi is dyed with madder here in Sheki.");

		// An admin hides it from the moderation queue.
		browser().signIn(Users.admin(marketplace));
		browser().open("/admin/reviews");
		String row = "li.moderation-row[data-review-id^='" + productId + "_']";
		assertThat(browser().find(row + " .reports").getText()).contains("Mentions another shop");
		browser().shoot("admin-reviews");
		browser().fill(row + " input[name='note']", "Advertising");
		browser().find(row + " .hide-review").click();
		browser()
			.waitUntil((driver) -> browser().find(".admin-page .alert.success").getText().equals("Saved: Hidden."));
		assertThat(browser().driver().findElements(By.cssSelector(row))).isEmpty();
		browser().signOut();
		browser().open("/products/" + productId);
		assertThat(browser().find("#no-reviews").getText()).isEqualTo("No reviews yet.");
	}

	@Test
	void theReviewsSectionSpeaksTheReadersLanguage() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/artisans", Http
				.toJson(Map.of("displayName", "Rishtan Blue", "craft", "ceramics", "city", "Rishton", "country", "UZ")),
					artisan.authorization())
			.statusCode()).isEqualTo(201);
		String productId = Http
			.json(Http.postJson(marketplace.gatewayUrl() + "/api/products",
					Http.toJson(Map.of("title", "Ishkor bowl", "category", "CERAMICS", "price",
							Map.of("amount", "20.00", "currency", "USD"), "stock", 3)),
					artisan.authorization()))
			.path("id")
			.asString();
		browser().open("/products/" + productId);
		for (String language : List.of("az", "uz")) {
			new Select(browser().find("#language")).selectByValue(language);
			String none = Http.json(Http.get(marketplace.gatewayUrl() + "/ui/i18n/" + language + ".json"))
				.path("reviews.none")
				.asString();
			browser().waitUntil((driver) -> browser().find("#no-reviews").getText().equals(none));
		}
		browser().shoot("reviews-uz");
	}

	@Test
	void reviewsAreSortedAndPagedAndTheAuthorDeletesTheirOwn() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		assertThat(
				Http.postJson(
						marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName",
								"Bukhara Gold " + tag, "craft", "zardozi", "city", "Bukhara", "country", "UZ")),
						artisan.authorization())
					.statusCode())
			.isEqualTo(201);
		String productId = Http
			.json(Http.postJson(marketplace.gatewayUrl() + "/api/products",
					Http.toJson(Map.of("title", "Zardozi cushion " + tag, "category", "TEXTILES", "price",
							Map.of("amount", "60.00", "currency", "USD"), "stock", 20)),
					artisan.authorization()))
			.path("id")
			.asString();
		// Eleven buyers, one review each, of 1 to 5 stars: two pages of ten.
		List<Users.User> buyers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Users.User>> reviewed = new ArrayList<>();
			for (int i = 0; i < 11; i++) {
				int stars = 1 + i % 5;
				reviewed.add(pool.submit(() -> {
					Users.User buyer = Users.signUp(marketplace, "BUYER");
					String orderId = delivered(buyer, artisan, productId);
					String body = Http.toJson(Map.of("rating", stars, "text", stars + " stars", "orderId", orderId));
					await().atMost(EVENTUALLY)
						.until(() -> Http
							.postJson(marketplace.gatewayUrl() + "/api/products/" + productId + "/reviews", body,
									buyer.authorization())
							.statusCode() == 201);
					return buyer;
				}));
			}
			for (Future<Users.User> buyer : reviewed) {
				buyers.add(buyer.get());
			}
		}

		browser().signOut();
		browser().open("/products/" + productId);
		String items = "#review-list li.review";
		browser().waitUntil((driver) -> driver.findElements(By.cssSelector(items)).size() == 10);
		assertThat(browser().find("#reviews .pager-position").getText()).isEqualTo("Page 1 of 2");
		browser().find("#reviews a[rel='next']").click();
		browser().waitUntil((driver) -> driver.findElements(By.cssSelector(items)).size() == 1);
		browser().find("#reviews a[rel='prev']").click();
		browser().waitUntil((driver) -> driver.findElements(By.cssSelector(items)).size() == 10);

		new Select(browser().find("#review-sort")).selectByValue("rating_asc");
		browser().waitUntil(
				(driver) -> "1 out of 5 stars".equals(browser().find(items + " .stars").getDomAttribute("aria-label")));
		new Select(browser().find("#review-sort")).selectByValue("rating_desc");
		browser().waitUntil(
				(driver) -> "5 out of 5 stars".equals(browser().find(items + " .stars").getDomAttribute("aria-label")));
		browser().shoot("reviews-sorted");

		// The author of a review deletes it: ten are left, on one page.
		browser().signIn(buyers.getFirst());
		browser().open("/products/" + productId + "?sort=rating_asc");
		browser().find(items + " .delete-review").click();
		browser().waitUntil(
				(driver) -> browser().find("#reviews .alert.success").getText().equals("Your review was deleted."));
		assertThat(browser().driver().findElements(By.cssSelector(items))).hasSize(10);
		assertThat(browser().driver().findElements(By.cssSelector("#reviews .pager-position"))).isEmpty();
		assertThat(browser().driver().findElements(By.cssSelector(items + " .delete-review"))).as("none of theirs")
			.isEmpty();
	}

	/**
	 * An order of one unit, confirmed, shipped by the artisan and received by the buyer.
	 */
	private static String delivered(Users.User buyer, Users.User artisan, String productId) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)), "shippingAddress",
						Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku", "postalCode",
								"AZ1000", "country", "AZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String id = Http.json(placed).path("id").asString();
		await().atMost(EVENTUALLY)
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + id, buyer.authorization()))
				.path("status")
				.asString(), "CONFIRMED"::equals);
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/shipments", "{}", artisan.authorization())
			.statusCode()).isEqualTo(200);
		assertThat(
				Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/delivery", "{}", buyer.authorization())
					.statusCode())
			.isEqualTo(200);
		return id;
	}

	private static Browser browser() {
		return session.browser();
	}

}
