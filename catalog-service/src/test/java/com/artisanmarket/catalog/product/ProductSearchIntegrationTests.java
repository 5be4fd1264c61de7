package com.artisanmarket.catalog.product;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search over a few hundred products, stored in MongoDB and announced on
 * {@code catalog-events} as the catalogue does, of one test's own artisans (every query
 * is scoped with {@code artisanId} or a word only this test uses, so other tests' data
 * cannot change the counts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchIntegrationTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Autowired
	KafkaOperations<String, String> kafka;

	private final String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);

	private final String carpets = UUID.randomUUID().toString();

	private final String ceramics = UUID.randomUUID().toString();

	private final String suspended = UUID.randomUUID().toString();

	@BeforeAll
	void products() {
		List<Product> products = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			products.add(product(this.carpets, "Şirvan rug no. " + i, Category.CARPETS, "AZ", "Şamaxı", "Şəki Looms",
					(i + 1) + ".00", i % 4, i));
		}
		for (int i = 0; i < 150; i++) {
			products.add(product(this.ceramics, "G‘ijduvon bowl no. " + i, Category.CERAMICS, "UZ", "G‘ijduvon",
					"Narzullaev Ceramics", (1000 + i) + ".50", 3, 200 + i));
		}
		products.add(product(this.suspended, "Şirvan rug of a suspended artisan", Category.CARPETS, "AZ", "Quba",
				"Gone Looms", "50.00", 5, 400));
		this.mongo.insertAll(products);
		// Written behind the catalogue's back: announce them as the catalogue would, so
		// that the search index reads them.
		for (Product product : products) {
			ProductListed listed = new ProductListed(product.id(), product.artisanId(), product.ownerId(),
					product.title(), product.category().name(), product.price(), product.stock(), product.createdAt());
			this.kafka.send(Topics.CATALOG_EVENTS, product.id(),
					EventJson.write(EventEnvelope.wrap(listed, "catalog-service", Instant.now(), null)));
		}
		this.kafka.flush();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> search("q=" + this.marker + "&size=1").path("totalItems").asLong() == 350);
	}

	@Test
	void findsTheSameThingsHoweverTheNameIsSpelled() {
		for (String spelling : List.of("Şirvan", "sirvan", "shirvan", "SHIRVAN")) {
			JsonNode page = search("q=" + spelling + "%20" + this.marker + "&size=5");
			assertThat(page.path("totalItems").asLong()).as(spelling).isEqualTo(200);
		}
		assertThat(search("q=gijduvon%20" + this.marker).path("totalItems").asLong()).isEqualTo(150);
		assertThat(search("q=sheki%20" + this.marker).path("totalItems").asLong()).as("the maker's name")
			.isEqualTo(200);
		assertThat(search("q=shamakhi%20" + this.marker).path("totalItems").asLong())
			.as("the maker's city, Şamaxı in English spelling")
			.isEqualTo(200);
		assertThat(search("q=khiva%20" + this.marker).path("totalItems").asLong()).isZero();
	}

	@Test
	void leavesOutTheProductsOfASuspendedArtisan() {
		assertThat(search("q=" + this.marker + "&artisanId=" + this.suspended).path("totalItems").asLong()).isZero();
		assertThat(search("q=suspended%20" + this.marker).path("totalItems").asLong()).isZero();
	}

	@Test
	void filtersByCategoryCountryPriceAndStock() {
		assertThat(search("q=" + this.marker + "&category=CERAMICS").path("totalItems").asLong()).isEqualTo(150);
		assertThat(search("q=" + this.marker + "&country=AZ").path("totalItems").asLong()).isEqualTo(200);
		assertThat(search("q=" + this.marker + "&artisanId=" + this.carpets + "&minPrice=10&maxPrice=19.99")
			.path("totalItems")
			.asLong()).as("10.00 to 19.00").isEqualTo(10);
		assertThat(
				search("q=" + this.marker + "&artisanId=" + this.carpets + "&inStock=true").path("totalItems").asLong())
			.isEqualTo(150);
		assertThat(search("q=" + this.marker + "&currency=EUR").path("totalItems").asLong()).isZero();
	}

	@Test
	void takesPriceBoundsBeyondAnyPriceAsTheyAre() {
		// Such bounds parse as numbers, but not as a count of minor units in a long.
		assertThat(search("q=" + this.marker + "&maxPrice=1e999999999").path("totalItems").asLong()).isEqualTo(350);
		assertThat(search("q=" + this.marker + "&minPrice=1E%2B2147483647").path("totalItems").asLong()).isZero();
		assertThat(search("q=" + this.marker + "&maxPrice=1e-999999999").path("totalItems").asLong()).isZero();
	}

	@Test
	void sortsAndPagesWithTotals() {
		JsonNode cheapest = search("q=" + this.marker + "&sort=price_asc&size=3");
		assertThat(titles(cheapest)).containsExactly("Şirvan rug no. 0", "Şirvan rug no. 1", "Şirvan rug no. 2");
		assertThat(cheapest.path("totalItems").asLong()).isEqualTo(350);
		assertThat(cheapest.path("totalPages").asLong()).isEqualTo(117);

		assertThat(titles(search("q=" + this.marker + "&sort=price_desc&size=1")))
			.containsExactly("G‘ijduvon bowl no. 149");
		assertThat(titles(search("q=" + this.marker + "&size=2"))).as("newest first among equally relevant")
			.containsExactly("G‘ijduvon bowl no. 149", "G‘ijduvon bowl no. 148");

		JsonNode last = search("q=" + this.marker + "&size=100&page=3");
		assertThat(last.path("items").size()).isEqualTo(50);
		assertThat(last.path("page").asInt()).isEqualTo(3);
	}

	private JsonNode search(String query) {
		HttpResponse<String> response = Http.get("http://127.0.0.1:" + this.port + "/api/products?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static List<String> titles(JsonNode page) {
		List<String> titles = new ArrayList<>();
		page.path("items").forEach((item) -> titles.add(item.path("title").asString()));
		return titles;
	}

	private Product product(String artisanId, String title, Category category, String country, String city,
			String maker, String price, int stock, int minute) {
		Money money = new Money(new BigDecimal(price), category == Category.CERAMICS ? "UZS" : "AZN");
		boolean gone = artisanId.equals(this.suspended);
		return new Product(UUID.randomUUID().toString(), artisanId, "owner-" + artisanId, title, "Made by hand.",
				category, List.of("wool"), List.of(this.marker), money, Products.minorUnits(money), stock, List.of(),
				ProductStatus.ACTIVE, maker, city, country,
				gone ? ArtisanEvent.Status.SUSPENDED : ArtisanEvent.Status.VERIFIED, START.plusSeconds(60L * minute),
				START, List.of(), List.of(), List.of(), null, 0L, null, null);
	}

}
