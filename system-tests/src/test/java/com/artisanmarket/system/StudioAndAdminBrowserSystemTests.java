package com.artisanmarket.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The artisan studio and the admin pages in headless Chromium against the whole
 * marketplace: an artisan opens a shop and sells, an admin suspends and reinstates.
 */
class StudioAndAdminBrowserSystemTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@RegisterExtension
	static final BrowserSession session = new BrowserSession(marketplace);

	@TempDir
	Path files;

	@Test
	void anArtisanOpensAShopListsAPieceWithAPictureShipsAnOrderSeesTheSaleAndDeclinesAnother() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String email = "artisan." + UUID.randomUUID() + "@example.com";
		browser().open("/signup");
		browser().fill("#signup-name", "Dilshod Nazarov");
		browser().fill("#signup-email", email);
		browser().fill("#signup-password", "pw-" + UUID.randomUUID());
		browser().find("#role-ARTISAN").click();
		browser().find("#sign-up").click();
		browser().find("#studio-link").click();
		browser().waitUntil((driver) -> browser().heading().equals("Your artisan profile"));
		browser().fill("#p-name", "Nazarov Ceramics " + tag);
		browser().fill("#p-craft", "Rishtan ceramics");
		browser().fill("#p-story", "Three generations of potters in Rishtan, glazing with ishkor from desert plants.");
		browser().fill("#p-city", "Rishtan");
		new Select(browser().find("#p-country")).selectByValue("UZ");
		browser().fill("#p-languages", "uz, ru");
		browser().find("#save-profile").click();
		browser().waitUntil((driver) -> browser().heading().equals("Welcome, Nazarov Ceramics " + tag));
		browser().shoot("studio");

		browser().find("#new-product, a[href='/studio/products/new']").click();
		browser().waitUntil((driver) -> browser().path().equals("/studio/products/new"));
		browser().fill("#pr-title", "Rishtan bowl, ishkor blue " + tag);
		browser().fill("#pr-description", "A deep bowl, 22 cm across, thrown and painted by hand.");
		new Select(browser().find("#pr-category")).selectByValue("CERAMICS");
		browser().fill("#pr-price", "38.00");
		browser().fill("#pr-stock", "5");
		browser().fill("#pr-materials", "red clay, ishkor glaze");
		browser().find("#save-product").click();
		browser().waitUntil(
				(driver) -> browser().path().matches("/studio/products/[^/]+") && !browser().path().endsWith("/new"));
		String productId = browser().path().substring("/studio/products/".length());
		browser().find("#image-file").sendKeys(png("bowl.png").toString());
		browser().find("#upload-image").click();
		browser().waitUntil((driver) -> driver.findElements(By.cssSelector("#product-images img")).size() == 1);
		browser().shoot("studio-product");
		JsonNode listed = Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + productId));
		assertThat(listed.path("images").get(0).asString()).startsWith("/media/");
		assertThat(listed.path("artisan").path("displayName").asString()).isEqualTo("Nazarov Ceramics " + tag);
		browser().open("/products/" + productId);
		assertThat(browser().find("img.product-image.large").getDomAttribute("src")).startsWith("/media/");

		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String orderId = placeAndConfirm(buyer, productId, 1);
		browser().open("/studio/orders");
		String order = "li.incoming-order[data-order-id='" + orderId + "']";
		browser().fill("#tracking-" + orderId, "UZPOST-" + tag);
		browser().shoot("studio-orders");
		browser().find(order + " button[data-ship]").click();
		browser()
			.waitUntil((driver) -> "SHIPPED".equals(browser().find(order + " .status").getDomAttribute("data-status")));
		JsonNode shipped = Http
			.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + orderId, buyer.authorization()));
		assertThat(shipped.path("lines").get(0).path("trackingRef").asString()).isEqualTo("UZPOST-" + tag);

		browser().eventually("/studio/stats", () -> "1".equals(browser().find("#stat-units").getText()));
		assertThat(browser().find("#stat-orders").getText()).isEqualTo("1");
		assertThat(browser().find("#stat-revenue").getText()).isEqualTo("US$38.00");
		List<String> bars = browser().driver()
			.findElements(By.cssSelector("#revenue-chart rect.chart-bar"))
			.stream()
			.map((bar) -> bar.getDomAttribute("data-value"))
			.toList();
		assertThat(bars).contains("38");
		assertThat(browser().find("#top-products").getText()).contains("Rishtan bowl, ishkor blue " + tag);
		browser().shoot("studio-stats");

		String hoard = placeAndConfirm(buyer, productId, 3);
		browser().open("/studio/orders");
		String declined = "li.incoming-order[data-order-id='" + hoard + "']";
		browser().fill("#decline-" + hoard, "Three of one bowl is a shop, not a home");
		browser().find(declined + " button[data-decline]").click();
		browser().waitUntil(
				(driver) -> "CANCELLED".equals(browser().find(declined + " .status").getDomAttribute("data-status")));
		assertThat(browser().find(declined).getText()).contains("declined by the artisan: Three of one bowl");
		browser().shoot("studio-declined");
		await().atMost(EVENTUALLY)
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + productId))
				.path("stock")
				.asInt(), (stock) -> stock == 4);

		// An order comes in while the artisan has the product open: restocking from what
		// the page showed would overwrite the unit the order took.
		browser().open("/studio/products/" + productId);
		browser().waitUntil((driver) -> browser().find("#restock").isDisplayed());
		placeAndConfirm(buyer, productId, 1);
		browser().fill("#restock", "6");
		browser().find("#save-stock").click();
		browser().waitUntil((driver) -> browser().find("#stock-heading ~ .alert.error").isDisplayed());
		assertThat(browser().find("#stock-heading ~ .alert.error").getText()).contains(": 3 available now");
		assertThat(Http.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + productId)).path("stock").asInt())
			.as("the unit the order took stays taken")
			.isEqualTo(3);
		browser().shoot("studio-stock-changed");
		browser().find("#save-stock").click();
		browser().waitUntil((driver) -> browser().find("#stock-heading ~ .alert.success").isDisplayed());
		assertThat(browser().find("#stock-heading ~ .alert.success").getText()).isEqualTo("Stock is now 6.");
		assertThat(browser().driver().findElement(By.cssSelector("#stock-heading ~ .alert.error")).isDisplayed())
			.as("the earlier warning is gone")
			.isFalse();
	}

	@Test
	void anAdminSuspendsAnArtisanAndTheirPiecesLeaveTheStorefrontUntilReinstated() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http
			.postJson(
					marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName",
							"Khiva Carvers " + tag, "craft", "Woodcarving", "city", "Khiva", "country", "UZ")),
					owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		String artisanId = Http.json(profile).path("id").asString();
		HttpResponse<String> product = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Carved elm box " + tag,
						"category", "WOODWORK", "price", Map.of("amount", "64.00", "currency", "USD"), "stock", 3)),
				owner.authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);

		browser().open("/admin");
		browser().waitUntil((driver) -> browser().path().startsWith("/signin"));
		Users.User admin = Users.admin(marketplace);
		browser().fill("#signin-email", admin.email());
		browser().fill("#signin-password", admin.password());
		browser().find("#sign-in").click();
		browser().waitUntil((driver) -> browser().heading().equals("Marketplace administration"));
		browser().shoot("admin");

		browser().open("/admin/artisans?status=PENDING&q=" + tag);
		String row = "li.admin-artisan[data-artisan-id='" + artisanId + "']";
		browser().fill("#note-" + artisanId, "Photos show factory-made boxes.");
		browser().shoot("admin-queue");
		browser().find(row + " button[data-action='suspend']").click();
		browser()
			.waitUntil((driver) -> "SUSPENDED".equals(browser().find(row + " .status").getDomAttribute("data-status")));
		assertThat(browser().find(row).getText()).contains("Photos show factory-made boxes.");

		browser().eventually("/search?q=" + tag, () -> browser().find("#result-count").getText().startsWith("0 "));
		assertThat(browser().driver().findElements(By.cssSelector("li.product-card"))).isEmpty();

		browser().open("/admin/artisans?status=SUSPENDED&q=" + tag);
		browser().find(row + " button[data-action='verify']").click();
		browser()
			.waitUntil((driver) -> "VERIFIED".equals(browser().find(row + " .status").getDomAttribute("data-status")));
		browser().eventually("/search?q=" + tag, () -> browser().find("#result-count").getText().startsWith("1 "));
		assertThat(browser().find("li.product-card .card-title").getText()).isEqualTo("Carved elm box " + tag);

		browser().open("/admin/orders");
		assertThat(browser().find("#admin-order-count").getText()).matches("\\d[\\d,]* orders");
		new Select(browser().find("#admin-order-status")).selectByValue("CONFIRMED");
		browser().find("form.inline-filter button[type='submit']").click();
		browser().waitUntil((driver) -> browser().path().equals("/admin/orders?status=CONFIRMED"));
		browser().waitForPage();
		assertThat(browser().driver().findElements(By.cssSelector(".order-row .status")))
			.allMatch((badge) -> "CONFIRMED".equals(badge.getDomAttribute("data-status")));
		browser().shoot("admin-orders");
	}

	@Test
	void anArtisanImportsACsvFileAndSeesWhatEachRowBecame() throws IOException {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(
				marketplace.gatewayUrl() + "/api/artisans", Http.toJson(Map.of("displayName",
						"Bulk Looms " + UUID.randomUUID(), "craft", "weaving", "city", "Margilan", "country", "UZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		Path csv = this.files.resolve("products.csv");
		Files.writeString(csv,
				"key,title,category,price,currency,stock,tags\n"
						+ "ikat-1,Silk ikat scarf,TEXTILES,55.00,USD,3,silk|ikat\n"
						+ "ikat-2,ab,TEXTILES,55.00,USD,3,\n" + "ikat-3,Adras cushion,TEXTILES,20.00,USD,2,\n");
		browser().open("/signin");
		browser().fill("#signin-email", artisan.email());
		browser().fill("#signin-password", artisan.password());
		browser().find("#sign-in").click();
		browser().find("#sign-out");

		browser().open("/studio/products");
		browser().find("#import-file").sendKeys(csv.toString());
		browser().find("#import-csv").click();
		browser().waitUntil((driver) -> !driver.findElements(By.id("import-summary")).isEmpty());
		assertThat(browser().find("#import-summary").getText())
			.isEqualTo("3 rows: 2 created, 0 updated, 0 unchanged, 1 refused.");
		assertThat(browser().find("#import-report tr[data-outcome='REFUSED']").getText()).contains("ikat-2")
			.contains("title: size must be between 3 and 120");
		browser().shoot("studio-import");

		browser().find("#import-file").sendKeys(csv.toString());
		browser().find("#import-csv").click();
		browser().waitUntil((driver) -> browser().find("#import-summary").getText().contains("2 unchanged"));
		assertThat(browser().find("#import-summary").getText())
			.isEqualTo("3 rows: 0 created, 0 updated, 2 unchanged, 1 refused.");
	}

	@Test
	void theStudioIsForArtisansAndTheAdminPagesForAdmins() {
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		browser().open("/signin");
		browser().fill("#signin-email", buyer.email());
		browser().fill("#signin-password", buyer.password());
		browser().find("#sign-in").click();
		browser().find("#sign-out");

		browser().open("/studio");
		assertThat(browser().find("main .alert.error").getText()).contains("The studio is for artisans");
		browser().open("/admin/orders");
		assertThat(browser().find("main .alert.error").getText())
			.isEqualTo("These pages are for the marketplace's administrators.");
		assertThat(browser().driver().findElements(By.id("admin-link"))).isEmpty();
		assertThat(browser().driver().findElements(By.id("studio-link"))).isEmpty();
	}

	private Path png(String name) throws IOException {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x1F5FA8));
		graphics.fillOval(4, 4, 56, 56);
		graphics.dispose();
		Path file = this.files.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static String placeAndConfirm(Users.User buyer, String productId, int quantity) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items", List.of(Map.of("productId", productId, "quantity", quantity)),
						"shippingAddress", Map.of("fullName", "Malika Tursunova", "line1", "Mustaqillik 5", "city",
								"Tashkent", "postalCode", "100017", "country", "UZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String id = Http.json(placed).path("id").asString();
		await().atMost(EVENTUALLY)
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + id, buyer.authorization()))
				.path("status")
				.asString(), "CONFIRMED"::equals);
		return id;
	}

	private static Browser browser() {
		return session.browser();
	}

}
