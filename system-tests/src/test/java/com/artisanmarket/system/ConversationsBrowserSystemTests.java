package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversations and live updates with two headless Chromiums, a buyer's and an artisan's,
 * against the whole marketplace: the buyer asks about a piece and the artisan sees the
 * message arrive (counter, toast, inbox) without reloading, answers, and the buyer's open
 * conversation shows the answer; the artisan hears of a new order, ships it, and the
 * buyer's open order page changes to shipped without reloading (the page polls only
 * pending orders, so only the live stream can change it).
 */
class ConversationsBrowserSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final Duration LIVE = Duration.ofSeconds(10);

	@RegisterExtension
	static final BrowserSession buyerSession = new BrowserSession(marketplace);

	@RegisterExtension
	static final BrowserSession artisanSession = new BrowserSession(marketplace);

	@Test
	void aBuyerAsksAndTheArtisanSeesItArriveAnswersAndTheBuyerSeesTheAnswer() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		String product = listProduct(artisan, "Sheki silk scarf");
		Users.User buyer = Users.signUp(marketplace, "BUYER");

		artisan().signIn(artisan);
		artisan().open("/studio/messages");
		artisan().find("#inbox-empty");
		awaitLive(artisan());
		markPage(artisan());

		buyer().signIn(buyer);
		buyer().open("/products/" + product);
		buyer().find("#ask-artisan").click();
		buyer().fill("#ask-artisan-text", "Can it be made in blue?");
		buyer().find("#ask-artisan-send").click();
		buyer().waitUntil((driver) -> buyer().path().startsWith("/messages/"));
		String conversation = buyer().path().substring("/messages/".length());
		assertThat(buyer().find("#messages .message.mine .message-text").getText())
			.isEqualTo("Can it be made in blue?");
		assertThat(buyer().find("#conversation-subject a").getText()).isEqualTo("Sheki silk scarf");
		awaitLive(buyer());
		markPage(buyer());

		artisan().waitUntil(LIVE, (driver) -> "1".equals(badge(artisan(), "messages-count")));
		assertThat(artisan().find("#toasts .toast").getText()).contains("New message");
		String row = "#inbox li[data-conversation-id='" + conversation + "']";
		assertThat(artisan().find(row + " .with").getText()).isEqualTo("Test BUYER");
		assertThat(artisan().find(row + " .excerpt").getText()).isEqualTo("Can it be made in blue?");
		assertThat(samePage(artisan())).as("the artisan's page was not reloaded").isTrue();
		artisan().shoot("studio-inbox");

		artisan().find(row + " a").click();
		artisan().waitUntil((driver) -> artisan().heading().equals("Conversation with Test BUYER"));
		artisan().waitUntil((driver) -> "0".equals(badge(artisan(), "messages-count")));
		artisan().fill("#message-text", "Yes, in cobalt blue; two weeks.");
		artisan().find("#send-message").click();
		artisan().waitUntil((driver) -> artisan().find("#messages .message.mine .message-text")
			.getText()
			.equals("Yes, in cobalt blue; two weeks."));

		buyer().waitUntil(LIVE,
				(driver) -> buyer().driver()
					.findElements(By.cssSelector("#messages .message:not(.mine) .message-text"))
					.stream()
					.anyMatch((element) -> element.getText().equals("Yes, in cobalt blue; two weeks.")));
		assertThat(samePage(buyer())).as("the buyer's page was not reloaded").isTrue();
		buyer().shoot("conversation");
	}

	@Test
	void theArtisanHearsOfANewOrderShipsItAndTheBuyersOpenOrderPageChangesWithoutReloading() {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		String product = listProduct(artisan, "Lahij copper tray");
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		artisan().signIn(artisan);
		artisan().open("/studio");
		awaitLive(artisan());
		markPage(artisan());

		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 2)), "shippingAddress",
						Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku", "postalCode",
								"AZ1000", "country", "AZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String order = Http.json(placed).path("id").asString();

		artisan().waitUntil(LIVE, (driver) -> "1".equals(badge(artisan(), "new-orders-count")));
		assertThat(artisan().find("#toasts .toast").getText()).contains("New order: Lahij copper tray × 2");
		assertThat(samePage(artisan())).isTrue();

		buyer().signIn(buyer);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + order, buyer.authorization()))
				.path("status")
				.asString()
				.equals("CONFIRMED"));
		buyer().open("/orders/" + order);
		assertThat(buyer().find("#order-status").getText()).isEqualTo("Confirmed");
		assertThat(buyer().find("#ask-artisan-0").getText()).isEqualTo("Ask the artisan");
		awaitLive(buyer());
		markPage(buyer());

		HttpResponse<String> shipped = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + order + "/shipments",
				"{\"trackingRef\": \"AZPOST-9\"}", artisan.authorization());
		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
		buyer().waitUntil(LIVE, (driver) -> buyer().find("#order-status").getText().equals("Shipped"));
		assertThat(samePage(buyer())).as("the buyer's page was not reloaded").isTrue();
	}

	/** A counter in the header: its number, "0" while it is hidden. */
	private static String badge(Browser browser, String id) {
		return (String) browser.script(
				"const badge = document.getElementById(arguments[0]); return badge && !badge.hidden ? badge.textContent : '0';",
				id);
	}

	/** Waits until the page's live event stream is open. */
	private static void awaitLive(Browser browser) {
		browser.waitUntil(LIVE,
				(driver) -> "open".equals(browser.script("return document.documentElement.dataset.live;")));
	}

	/** Marks the page the browser shows, to tell later whether it was loaded again. */
	private static void markPage(Browser browser) {
		browser.script("window.sameDocument = true;");
	}

	private static boolean samePage(Browser browser) {
		return Boolean.TRUE.equals(browser.script("return window.sameDocument === true;"));
	}

	private static String listProduct(Users.User artisan, String title) {
		HttpResponse<String> profile = Settled.call(() -> Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", "Workshop " + UUID.randomUUID().toString().substring(0, 6), "craft",
						"crafts", "city", "Sheki", "country", "AZ")),
				artisan.authorization()));
		// 409: made by a try the gateway gave up on.
		assertThat(profile.statusCode()).as(profile.body()).isIn(201, 409);
		HttpResponse<String> listed = Settled
			.call(() -> Http.postJson(
					marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", title, "category",
							"TEXTILES", "price", Map.of("amount", "80.00", "currency", "AZN"), "stock", 5)),
					artisan.authorization()));
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private static Browser buyer() {
		return buyerSession.browser();
	}

	private static Browser artisan() {
		return artisanSession.browser();
	}

}
