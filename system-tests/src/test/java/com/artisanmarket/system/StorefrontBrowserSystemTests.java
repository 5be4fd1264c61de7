package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The storefront in a real browser() (headless Chromium) against the whole marketplace:
 * buyers sign up, search, fill a cart, check out and watch their order's status change
 * without reloading; in three languages; screenshots at phone and desktop widths.
 */
class StorefrontBrowserSystemTests {

	private static final Duration SAGA = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@RegisterExtension
	static final BrowserSession session = new BrowserSession(marketplace);

	@AfterEach
	void everyPartRunsAgain() {
		marketplace.resume(Stack.KAFKA);
		if (!marketplace.isRunning(Stack.CATALOG_SERVICE)) {
			marketplace.start(Stack.CATALOG_SERVICE);
		}
	}

	@Test
	void aBuyerSearchesCartsTwoArtisansCarpetsAndSeesTheOrderConfirmedWithoutReloading() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Workshop guba = Workshop.open("Aysel Mammadova", "Carpet weaving", "Guba", "AZ",
				"I weave Guba carpets on my grandmother's loom, knot by knot, with wool dyed by madder and walnut.");
		Workshop samarkand = Workshop.open("Dilnoza Karimova", "Silk carpets", "Samarkand", "UZ",
				"Our family has woven silk carpets in Samarkand for four generations.");
		String gubaCarpet = guba.list("Guba carpet with red medallions " + tag, "240.00", 3);
		String silkCarpet = samarkand.list("Samarkand silk carpet " + tag, "310.00", 2);

		browser().open("/");
		assertThat(browser().heading()).isEqualTo("Handmade, from the hands that made it");
		browser().shoot("home");
		Account buyer = signUp("Leyla Aliyeva");

		browser().fill("#header-q", "carpet");
		browser().find("#header-q").sendKeys(Keys.ENTER);
		browser().waitUntil((driver) -> browser().path().equals("/search?q=carpet"));
		browser().waitForPage();
		browser().find(card(gubaCarpet));
		browser().find(card(silkCarpet));
		assertThat(browser().heading()).isEqualTo("Results for “carpet”");
		assertThat(browser().find("#facet-category .facet").getText()).as("a facet with its number")
			.matches("Carpets\\s+\\d+");
		browser().shoot("search");

		browser().fill("#header-q", "guba carpet wi");
		browser().waitUntil((driver) -> driver.findElements(By.cssSelector("#header-suggestions option"))
			.stream()
			.anyMatch((option) -> ("Guba carpet with red medallions " + tag).equals(option.getAttribute("value"))));
		browser().find("#header-q").clear();

		browser().find(card(gubaCarpet) + " a").click();
		browser().waitUntil((driver) -> browser().heading().equals("Guba carpet with red medallions " + tag));
		assertThat(browser().find("#stock").getText()).isEqualTo("3 in stock");
		assertThat(browser().find(".artisan-story .story").getText()).contains("grandmother's loom");
		assertThat(browser().find(".maker-line").getText()).contains("Aysel Mammadova").contains("Guba, Azerbaijan");
		browser().shoot("product");
		browser().find("#add-to-cart").click();
		browser().find(".buy-box .alert.success");
		browser().driver().navigate().back();
		browser().waitForPage();
		browser().find(card(silkCarpet) + " a").click();
		browser().waitUntil((driver) -> browser().heading().equals("Samarkand silk carpet " + tag));
		browser().find("#add-to-cart").click();
		browser().waitUntil((driver) -> browser().find("#cart-count").getText().equals("2"));

		browser().find("#cart-link").click();
		browser().waitUntil((driver) -> browser().heading().equals("Your cart"));
		assertThat(browser().driver().findElements(By.cssSelector(".cart-line"))).hasSize(2);
		assertThat(browser().find("#cart-total").getText()).isEqualTo("US$550.00");
		browser().shoot("cart");

		browser().find("#checkout").click();
		browser().waitUntil((driver) -> browser().heading().equals("Checkout"));
		fillAddress();
		marketplace.pause(Stack.KAFKA);
		new Actions(browser().driver()).doubleClick(browser().find("#place-order")).perform();
		browser().waitUntil((driver) -> browser().path().startsWith("/orders/"));
		browser().waitForPage();
		browser().script("window.sameDocument = 'still here'");
		assertThat(browser().find("#order-status").getDomAttribute("data-status")).isEqualTo("PENDING");
		browser().shoot("order-pending");
		marketplace.resume(Stack.KAFKA);

		browser().waitUntil(SAGA,
				(driver) -> "CONFIRMED".equals(browser().find("#order-status").getDomAttribute("data-status")));
		assertThat(browser().script("return window.sameDocument")).as("the page was not reloaded")
			.isEqualTo("still here");
		assertThat(browser().find("#order-status").getText()).isEqualTo("Confirmed");
		assertThat(browser().find("#order-total").getText()).isEqualTo("US$550.00");
		browser().shoot("order");
		JsonNode orders = Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders", buyer.authorization()));
		assertThat(orders.path("totalItems").asInt()).as("a double click makes one order").isEqualTo(1);
		assertThat(orders.path("items").get(0).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(stock(gubaCarpet)).isEqualTo(2);
		assertThat(stock(silkCarpet)).isEqualTo(1);
		assertThat(browser().find("#cart-count").getText()).isEqualTo("0");
	}

	@Test
	void aBuyerWhoseOrderIsRejectedForStockSeesWhy() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Workshop rishtan = Workshop.open("Rustam Usmonov", "Ceramics", "Rishtan", "UZ",
				"Blue ishkor glaze on red clay, as in Rishtan for eight hundred years.");
		String plate = rishtan.list("Rishtan plate, ishkor blue " + tag, "45.00", 1);
		signUp("Kamola Yusupova");
		browser().open("/products/" + plate);
		browser().find("#add-to-cart").click();
		browser().find("#cart-link").click();
		browser().waitUntil((driver) -> browser().heading().equals("Your cart"));
		browser().find("#checkout").click();
		browser().waitUntil((driver) -> browser().heading().equals("Checkout"));
		fillAddress();

		Account quicker = Account.signUp("BUYER");
		JsonNode taken = Http.json(placeByApi(quicker, plate, 1));
		await().atMost(SAGA).until(() -> stock(plate) == 0);
		browser().find("#place-order").click();

		browser().waitUntil((driver) -> browser().path().startsWith("/orders/"));
		browser().waitUntil(SAGA,
				(driver) -> "REJECTED".equals(browser().find("#order-status").getDomAttribute("data-status")));
		assertThat(browser().find("#rejection-reason").getText()).contains("This order could not be accepted")
			.contains("“Rishtan plate, ishkor blue " + tag + "”: only 0 in stock, 1 ordered.");
		browser().shoot("order-rejected");
		assertThat(taken.path("id").asString()).isNotBlank();
	}

	@Test
	void checkoutRetriesAfterServiceUnavailableWithTheSameKeyAndMakesOneOrder() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Workshop lahij = Workshop.open("Elchin Huseynov", "Copperwork", "Lahij", "AZ",
				"Hammered copper from Lahij, tinned inside for the kitchen.");
		String jug = lahij.list("Lahij copper jug " + tag, "85.00", 4);
		Account buyer = signUp("Nigar Hasanova");
		browser().open("/products/" + jug);
		browser().find("#add-to-cart").click();
		browser().open("/checkout");
		fillAddress();

		marketplace.stop(Stack.CATALOG_SERVICE);
		browser().find("#place-order").click();
		browser().waitUntil(SAGA,
				(driver) -> browser().find(".address-form .alert.info")
					.getText()
					.startsWith("The marketplace is busy. Trying again in"));
		marketplace.start(Stack.CATALOG_SERVICE);

		browser().waitUntil(Duration.ofSeconds(120), (driver) -> browser().path().startsWith("/orders/"));
		browser().waitUntil(SAGA,
				(driver) -> "CONFIRMED".equals(browser().find("#order-status").getDomAttribute("data-status")));
		JsonNode orders = Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders", buyer.authorization()));
		assertThat(orders.path("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void switchingToAzerbaijaniOrUzbekChangesThePageAndIsRemembered() {
		browser().open("/search?category=CARPETS");
		assertThat(browser().heading()).isEqualTo("Carpets");
		String english = browser().find("label[for='filter-category']").getText();

		String carpets = dictionary("az").path("category.CARPETS").asString();
		new Select(browser().find("#language")).selectByValue("az");
		browser().waitUntil((driver) -> browser().heading().equals(carpets));
		assertThat(browser().script("return document.documentElement.lang")).isEqualTo("az");
		assertThat(browser().find("label[for='filter-category']").getText()).isNotEqualTo(english);
		assertThat(browser().find("#sign-in-link").getText()).isEqualTo(dictionary("az").path("nav.signIn").asString());
		browser().shoot("search-az");

		browser().driver().navigate().refresh();
		browser().waitForPage();
		assertThat(browser().heading()).isEqualTo(carpets);

		new Select(browser().find("#language")).selectByValue("uz");
		browser()
			.waitUntil((driver) -> browser().heading().equals(dictionary("uz").path("category.CARPETS").asString()));
		assertThat(browser().find("#sign-in-link").getText()).isEqualTo(dictionary("uz").path("nav.signIn").asString());
		browser().open("/");
		assertThat(browser().heading()).isEqualTo(dictionary("uz").path("home.title").asString());
		browser().shoot("home-uz");
	}

	@Test
	void anErrorFromTheApiReachesThePersonAsWordsInTheirLanguage() {
		browser().open("/products/no-such-product");
		assertThat(browser().heading()).isEqualTo("Not found");
		assertThat(browser().find("main .alert.error").getText())
			.isEqualTo(dictionary("en").path("error.notFound.text").asString());

		new Select(browser().find("#language")).selectByValue("az");
		browser().waitUntil(
				(driver) -> browser().heading().equals(dictionary("az").path("error.notFound.title").asString()));

		browser().open("/signin");
		browser().fill("#signin-email", "nobody-" + UUID.randomUUID() + "@example.com");
		browser().fill("#signin-password", "wrong-password-123");
		browser().find("#sign-in").click();
		browser().waitUntil((driver) -> browser().find(".account-form .alert.error")
			.getText()
			.equals(dictionary("az").path("account.badCredentials").asString()));
		assertThat(browser().driver().getPageSource()).doesNotContain("\"status\":401");
	}

	@Test
	void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
		browser().open("/");
		browser().find("body").sendKeys(Keys.TAB);
		WebElement focused = browser().driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("class")).isEqualTo("skip-link");
		focused.sendKeys(Keys.ENTER);
		// Following the link moves the focus once the browser has handled the navigation.
		browser().waitUntil((driver) -> "main".equals(browser().script("return document.activeElement.id")));
	}

	private static String card(String productId) {
		return "li.product-card[data-product-id='" + productId + "']";
	}

	private static Account signUp(String name) {
		String email = "buyer." + UUID.randomUUID() + "@example.com";
		String password = "pw-" + UUID.randomUUID();
		browser().open("/");
		browser().find("a[href^='/signup']").click();
		browser().waitUntil((driver) -> browser().path().startsWith("/signup"));
		browser().fill("#signup-name", name);
		browser().fill("#signup-email", email);
		browser().fill("#signup-password", password);
		browser().find("#sign-up").click();
		browser().find("#sign-out");
		assertThat(browser().find(".who").getText()).isEqualTo(name);
		return Account.signIn(email, password);
	}

	private static void fillAddress() {
		browser().fill("#fullName", "Leyla Aliyeva");
		browser().fill("#line1", "Nizami küçəsi 10");
		browser().fill("#city", "Baku");
		browser().fill("#postalCode", "AZ1000");
		new Select(browser().find("#country")).selectByValue("AZ");
	}

	private static int stock(String product) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + product)).path("stock").asInt();
	}

	private static HttpResponse<String> placeByApi(Account buyer, String product, int quantity) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", quantity)),
						"shippingAddress", Map.of("fullName", "Quick Buyer", "line1", "Amir Temur 1", "city",
								"Tashkent", "postalCode", "100000", "country", "UZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		return placed;
	}

	private static JsonNode dictionary(String language) {
		return Http.json(Http.get(marketplace.gatewayUrl() + "/ui/i18n/" + language + ".json"));
	}

	/** An account made through the API. */
	record Account(String email, String password, String token) {

		static Account signUp(String role) {
			Users.User user = Users.signUp(marketplace, role);
			return new Account(user.email(), user.password(), user.token());
		}

		static Account signIn(String email, String password) {
			Users.User user = Users.signIn(marketplace, email, password);
			return new Account(email, password, user.token());
		}

		Map<String, String> authorization() {
			return Map.of("Authorization", "Bearer " + this.token);
		}

	}

	/** An artisan with a profile, listing carpets and the like through the API. */
	record Workshop(Account owner) {

		static Workshop open(String name, String craft, String city, String country, String story) {
			Account owner = Account.signUp("ARTISAN");
			HttpResponse<String> profile = Http.postJson(
					marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName", name, "craft", craft,
							"city", city, "country", country, "story", story, "languages", List.of("az", "ru", "en"))),
					owner.authorization());
			assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
			return new Workshop(owner);
		}

		String list(String title, String price, int stock) {
			String category = title.contains("carpet") ? "CARPETS"
					: title.contains("plate") ? "CERAMICS" : title.contains("copper") ? "METALWORK" : "OTHER";
			HttpResponse<String> product = Http.postJson(marketplace.gatewayUrl() + "/api/products",
					Http.toJson(Map.of("title", title, "description",
							"Made by hand in the workshop.\nEach piece differs a little from the photo.", "category",
							category, "materials", List.of("wool", "natural dyes"), "tags", List.of("handmade"),
							"price", Map.of("amount", price, "currency", "USD"), "stock", stock)),
					this.owner.authorization());
			assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
			return Http.json(product).path("id").asString();
		}

	}

	private static Browser browser() {
		return session.browser();
	}

}
