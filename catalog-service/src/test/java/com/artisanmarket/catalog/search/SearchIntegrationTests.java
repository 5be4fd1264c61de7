package com.artisanmarket.catalog.search;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search read model through the public API: products listed, changed, reserved,
 * archived and hidden through the catalogue's real paths (HTTP, Kafka, MongoDB), found
 * however they are spelled. Every query names a word only this test's products carry, so
 * other tests' data cannot change the counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Autowired
	Reservations reservations;

	private final String marker = "zs" + UUID.randomUUID().toString().substring(0, 6);

	private final List<Listed> listed = new ArrayList<>();

	private Artisan weaver;

	private Artisan potter;

	@BeforeAll
	void catalogue() {
		this.weaver = KnownArtisans.register(this.kafka, this.snapshots, "Guba Looms", "Quba", "AZ", Status.VERIFIED);
		this.potter = KnownArtisans.register(this.kafka, this.snapshots, "Rishton Kulolchilik", "Rishton", "UZ",
				Status.VERIFIED);
		list(this.weaver, "Guba Medallion Hand-Knotted Wool Carpet, 150 x 220 cm", "CARPETS", "1200.00", 2);
		list(this.weaver, "Small Guba Prayer Carpet with Mihrab Arch", "CARPETS", "480.00", 0);
		list(this.weaver, "Flat-Woven Kilim Carpet in Sage and Rust", "CARPETS", "95.00", 5);
		list(this.weaver, "Silk Ikat Robe, Margilan Weave", "CLOTHING", "310.00", 1);
		list(this.weaver, "Ikkat-Style Cotton Scarf", "TEXTILES", "24.50", 9);
		list(this.weaver, "Bukhara Suzani Wall Hanging, Silk on Cotton", "TEXTILES", "640.00", 1);
		list(this.potter, "Rishtan Ceramic Lagan Bowl in Ishkor Blue", "CERAMICS", "75.00", 4);
		list(this.potter, "Ceramic Tea Set for Six, Pomegranate Pattern", "CERAMICS", "2100.00", 0);
		list(this.potter, "Small Glazed Ceramic Dish", "CERAMICS", "18.00", 12);
		await().atMost(WAIT).until(() -> total("q=" + this.marker) == this.listed.size());
	}

	@Test
	void findsWhatABuyerMeansDespiteTypos() {
		assertThat(titles("q=suzanni")).containsExactly("Bukhara Suzani Wall Hanging, Silk on Cotton");
		assertThat(titles("q=karpet&sort=price_asc")).containsExactly("Flat-Woven Kilim Carpet in Sage and Rust",
				"Small Guba Prayer Carpet with Mihrab Arch", "Guba Medallion Hand-Knotted Wool Carpet, 150 x 220 cm");
		assertThat(titles("q=ceramik")).hasSize(3).allMatch((title) -> title.contains("Ceramic"));
		assertThat(titles("q=ikkat")).contains("Silk Ikat Robe, Margilan Weave");
	}

	@Test
	void ranksExactMatchesBeforeTypos() {
		assertThat(titles("q=ikat")).containsExactly("Silk Ikat Robe, Margilan Weave", "Ikkat-Style Cotton Scarf");
		assertThat(titles("q=ikkat")).containsExactly("Ikkat-Style Cotton Scarf", "Silk Ikat Robe, Margilan Weave");
	}

	@Test
	void findsWordsWrittenInCyrillicOrByTheirCommonSpelling() {
		assertThat(titles("q=Сузани")).containsExactly("Bukhara Suzani Wall Hanging, Silk on Cotton");
		assertThat(titles("q=Рыштан")).as("the exact word first, then the maker Rishton, one typo away")
			.startsWith("Rishtan Ceramic Lagan Bowl in Ishkor Blue")
			.hasSize(3);
		assertThat(titles("q=kilim%20karpet")).containsExactly("Flat-Woven Kilim Carpet in Sage and Rust");
		assertThat(titles("q=guba%20looms")).as("the maker's name").hasSize(6);
	}

	@Test
	void countsFacetsOverAllResultsAsABruteForceCountDoes() {
		Map<String, Predicate<Listed>> filters = Map.of("", (p) -> true, "&inStock=true", (p) -> p.stock() > 0,
				"&country=AZ", (p) -> p.country().equals("AZ"), "&category=CERAMICS",
				(p) -> p.category().equals("CERAMICS"), "&minPrice=25&maxPrice=99.99",
				(p) -> p.price().compareTo(new BigDecimal("25")) >= 0
						&& p.price().compareTo(new BigDecimal("99.99")) <= 0,
				"%20ceramic", (p) -> p.title().contains("Ceramic"));
		filters.forEach((filter, matching) -> {
			JsonNode page = search("q=" + this.marker + filter + "&size=2");
			List<Listed> expected = this.listed.stream().filter(matching).toList();
			JsonNode facets = page.path("facets");
			assertThat(page.path("totalItems").asLong()).as(filter).isEqualTo(expected.size());
			assertThat(counts(facets.path("category"))).as(filter).isEqualTo(bruteForce(expected, Listed::category));
			assertThat(counts(facets.path("country"))).as(filter).isEqualTo(bruteForce(expected, Listed::country));
			assertThat(counts(facets.path("craft"))).as(filter).isEqualTo(bruteForce(expected, (p) -> "crafts"));
			assertThat(counts(facets.path("inStock"))).as(filter)
				.isEqualTo(withZeros(bruteForce(expected, (p) -> Boolean.toString(p.stock() > 0)), "true", "false"));
			assertThat(counts(facets.path("priceBand"))).as(filter)
				.isEqualTo(withZeros(bruteForce(expected, (p) -> band(p.price())), "0-25", "25-100", "100-500",
						"500-2000", "2000+"));
		});
	}

	@Test
	void showsAListedProductAndHidesItWhenArchivedOrItsArtisanIsSuspended() {
		String word = "zt" + UUID.randomUUID().toString().substring(0, 6);
		Artisan maker = KnownArtisans.register(this.kafka, this.snapshots, "Lahij Copper", "Lahıc", "AZ",
				Status.VERIFIED);
		String kept = create(maker, "Engraved Copper Tray", "METALWORK", "80.00", 3, word);
		String archived = create(maker, "Copper Water Jug", "METALWORK", "120.00", 1, word);
		await().atMost(WAIT).until(() -> ids("q=" + word).size() == 2);

		assertThat(Http.delete(url("/api/products/" + archived), maker.auth()).statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> ids("q=" + word).equals(List.of(kept)));

		verification(maker, Status.SUSPENDED);
		await().atMost(WAIT).until(() -> ids("q=" + word).isEmpty());
		verification(maker, Status.VERIFIED);
		await().atMost(WAIT).until(() -> ids("q=" + word).equals(List.of(kept)));
	}

	/**
	 * Totals and facets are kept per index version: the same search asked again after a
	 * change counts the catalogue as it is now.
	 */
	@Test
	void countsTheSameSearchAgainAfterTheCatalogueChanges() {
		String word = "zw" + UUID.randomUUID().toString().substring(0, 6);
		String first = create(this.weaver, "Quba Prayer Rug", "CARPETS", "200.00", 2, word);
		await().atMost(WAIT).until(() -> total("q=" + word) == 1);
		assertThat(counts(search("q=" + word).path("facets").path("inStock"))).containsEntry("true", 1L);

		create(this.weaver, "Quba Saddle Bag", "CARPETS", "90.00", 1, word);
		await().atMost(WAIT).until(() -> total("q=" + word) == 2);
		JsonNode two = search("q=" + word + "&sort=price_asc");
		assertThat(counts(two.path("facets").path("category"))).containsEntry("CARPETS", 2L);
		assertThat(counts(two.path("facets").path("priceBand"))).containsEntry("25-100", 1L)
			.containsEntry("100-500", 1L);

		Money price = Money.of("200.00", "AZN");
		this.reservations.reserve("order-" + UUID.randomUUID(), List
			.of(new OrderLine(first, this.weaver.id(), this.weaver.account(), "rug", price, 2, price.times(2))));
		await().atMost(WAIT)
			.until(() -> counts(search("q=" + word).path("facets").path("inStock")),
					(inStock) -> inStock.equals(Map.of("true", 1L, "false", 1L)));
	}

	@Test
	void showsTheStockLeftAfterAReservationAndFiltersByIt() {
		String word = "zu" + UUID.randomUUID().toString().substring(0, 6);
		String id = create(this.weaver, "Last Shamakhi Runner", "CARPETS", "300.00", 2, word);
		await().atMost(WAIT).until(() -> ids("q=" + word + "&inStock=true").equals(List.of(id)));

		Money price = Money.of("300.00", "AZN");
		this.reservations.reserve("order-" + UUID.randomUUID(), List
			.of(new OrderLine(id, this.weaver.id(), this.weaver.account(), "runner", price, 2, price.times(2))));

		await().atMost(WAIT).until(() -> search("q=" + word).path("items").get(0).path("stock").asInt() == 0);
		assertThat(ids("q=" + word + "&inStock=true")).isEmpty();
	}

	@Test
	void suggestsTitlesCraftsAndMakersAsTheBuyerTypes() {
		assertThat(suggestions("Guba l")).contains("Guba Looms");
		assertThat(suggestions("rishtan cer")).contains("Rishtan Ceramic Lagan Bowl in Ishkor Blue");
		assertThat(suggestions("sma")).contains("Small Guba Prayer Carpet with Mihrab Arch",
				"Small Glazed Ceramic Dish");
		assertThat(suggestions("c")).hasSizeLessThanOrEqualTo(10);
		assertThat(suggestions("")).isEmpty();
	}

	@Test
	void acceptsRatingSortAndFilterBeforeAnyReviewExists() {
		assertThat(total("q=" + this.marker + "&sort=rating")).isEqualTo(this.listed.size());
		assertThat(total("q=" + this.marker + "&minRating=4")).isZero();
		assertThat(Http.get(url("/api/products?minRating=6")).statusCode()).isEqualTo(400);
		assertThat(Http.get(url("/api/products?sort=cheapest")).statusCode()).isEqualTo(400);
	}

	private void list(Artisan artisan, String title, String category, String price, int stock) {
		create(artisan, title, category, price, stock, this.marker);
		this.listed
			.add(new Listed(title, category, (artisan == this.weaver) ? "AZ" : "UZ", new BigDecimal(price), stock));
	}

	private String create(Artisan artisan, String title, String category, String price, int stock, String tag) {
		String body = Http.toJson(Map.of("title", title, "description", "Made by hand.", "category", category,
				"materials", List.of("wool"), "tags", List.of(tag), "price", Map.of("amount", price, "currency", "AZN"),
				"stock", stock));
		HttpResponse<String> created = Http.postJson(url("/api/products"), body, artisan.auth());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private void verification(Artisan artisan, Status status) {
		EventEnvelope<ArtisanVerificationChanged> changed = EventEnvelope
			.wrap(new ArtisanVerificationChanged(artisan.id(), artisan.account(), Status.PENDING, status, null, "admin",
					Instant.now()), "artisan-service", Instant.now(), null);
		this.kafka.send(Topics.ARTISAN_EVENTS, artisan.id(), EventJson.write(changed)).join();
	}

	private static Map<String, Long> bruteForce(List<Listed> products, Function<Listed, String> value) {
		Map<String, Long> counts = new TreeMap<>();
		products.forEach((product) -> counts.merge(value.apply(product), 1L, Long::sum));
		return counts;
	}

	private static Map<String, Long> withZeros(Map<String, Long> counts, String... values) {
		Map<String, Long> all = new TreeMap<>(counts);
		for (String value : values) {
			all.putIfAbsent(value, 0L);
		}
		return all;
	}

	private static Map<String, Long> counts(JsonNode facet) {
		Map<String, Long> counts = new TreeMap<>();
		facet.forEach((entry) -> counts.put(entry.path("value").asString(), entry.path("count").asLong()));
		return counts;
	}

	private static String band(BigDecimal price) {
		if (price.compareTo(new BigDecimal("25")) < 0) {
			return "0-25";
		}
		if (price.compareTo(new BigDecimal("100")) < 0) {
			return "25-100";
		}
		if (price.compareTo(new BigDecimal("500")) < 0) {
			return "100-500";
		}
		return (price.compareTo(new BigDecimal("2000")) < 0) ? "500-2000" : "2000+";
	}

	/** The titles found by a query whose words are those of {@code q=} and the marker. */
	private List<String> titles(String query) {
		List<String> titles = new ArrayList<>();
		search(query.replaceFirst("^(q=[^&]*)", "$1%20" + this.marker)).path("items")
			.forEach((item) -> titles.add(item.path("title").asString()));
		return titles;
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		search(query).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private long total(String query) {
		return search(query).path("totalItems").asLong();
	}

	private List<String> suggestions(String typed) {
		HttpResponse<String> response = Http
			.get(url("/api/products/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> suggestions = new ArrayList<>();
		Http.json(response).path("suggestions").forEach((suggestion) -> suggestions.add(suggestion.asString()));
		return suggestions;
	}

	private JsonNode search(String query) {
		HttpResponse<String> response = Http.get(url("/api/products?" + query));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** A product this test listed, as a brute-force count sees it. */
	private record Listed(String title, String category, String country, BigDecimal price, int stock) {

	}

}
