package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.catalog.favourite.Favourites;
import com.artisanmarket.catalog.review.Purchases;
import com.artisanmarket.catalog.product.ProductWrites;
import com.artisanmarket.catalog.search.ListingQuery.Order;
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
import com.artisanmarket.testsupport.TestTokens;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An index built from MongoDB in an empty directory, one reopened from its own commit,
 * and one rebuilt after its files were deleted all answer as the index this instance kept
 * up from events does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class SearchIndexRebuildIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ProductListings live;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots artisans;

	@Autowired
	Reservations reservations;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ProductWrites products;

	@Autowired
	Favourites favourites;

	@Autowired
	Purchases purchases;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@TempDir
	Path directory;

	private final String marker = "zr" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void answersAlikeWhenBuiltFromMongoReopenedOrRebuiltAfterItsFilesAreDeleted() throws IOException {
		List<String> expectedIds = catalogue();
		List<ListingQuery> queries = List.of(query(this.marker, Order.NEWEST, false),
				query(this.marker, Order.PRICE_ASC, true), query(this.marker + " carpet", Order.PRICE_DESC, false),
				query(this.marker + " karpet", Order.RELEVANCE, false), query(this.marker, Order.RATING, false),
				new ListingQuery(this.marker, null, null, null, null, null, null, null, false, 3.5, Order.RATING, 0,
						20));
		await().atMost(WAIT)
			.until(() -> this.live.find(query(this.marker, Order.NEWEST, false)).items().size() == expectedIds.size());
		// Two products reviewed: 5 and 3 stars on one, 2 on the other.
		await().atMost(WAIT)
			.until(() -> this.live.find(queries.getLast()).items().size() == 1
					&& this.live.find(query(this.marker, Order.RATING, false))
						.items()
						.stream()
						.filter((product) -> product.rating() != null)
						.count() == 2);
		List<Answer> expected = answers(this.live, queries);
		assertThat(expected.getFirst().ids()).containsExactlyInAnyOrderElementsOf(expectedIds);

		try (Instance built = new Instance()) {
			assertThat(built.index.committedOffsets()).as("rebuilt and committed").isNotEmpty();
			await().atMost(WAIT).untilAsserted(() -> assertThat(answers(built.listings, queries)).isEqualTo(expected));
		}
		try (Instance reopened = new Instance()) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(answers(reopened.listings, queries)).isEqualTo(expected));
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		try (Instance rebuilt = new Instance()) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(answers(rebuilt.listings, queries)).isEqualTo(expected));
		}
	}

	/**
	 * The MongoDB wire server answers a find without a batch size in one reply, and the
	 * driver refuses a reply over 48 MB: a rebuild that read the whole catalogue that way
	 * failed once the catalogue outgrew it (about 70,000 products here).
	 */
	@Test
	void rebuildsACatalogueLargerThanOneWireReply() throws IOException {
		String id = create(
				KnownArtisans.register(this.kafka, this.artisans, "Şəki İpəyi", "Şəki", "AZ", Status.VERIFIED),
				this.marker + " silk scarf", "TEXTILES", "60.00", 2);
		MongoCollection<Document> products = this.mongo.getCollection("products");
		// Without its outbox: a copy of a pending event would be published 30,000 times
		// and flood every other test's search feed.
		Document original = products.find(Filters.eq("_id", id)).first();
		original.remove("outbox");
		String description = "Woven by hand on a wooden loom. ".repeat(60);
		int copies = 30_000;
		try {
			for (int batch = 0; batch < copies / 1_000; batch++) {
				List<Document> copied = new ArrayList<>();
				for (int i = 0; i < 1_000; i++) {
					copied.add(new Document(original).append("_id", id + "-copy-" + batch + "-" + i)
						.append("description", description));
				}
				products.insertMany(copied);
			}
			try (Instance built = new Instance()) {
				assertThat(built.listings.find(query(this.marker + " silk", Order.NEWEST, false)).total())
					.isEqualTo(copies + 1);
			}
		}
		finally {
			products.deleteMany(Filters.regex("_id", "^" + Pattern.quote(id) + "-copy-"));
		}
	}

	/**
	 * Products of two makers, one of them suspended, one product archived and one
	 * restocked.
	 * @return the ids that should be listed
	 */
	private List<String> catalogue() {
		Artisan weaver = KnownArtisans.register(this.kafka, this.artisans, "Quba Xalçaları", "Quba", "AZ",
				Status.VERIFIED);
		Artisan potter = KnownArtisans.register(this.kafka, this.artisans, "Gone Pottery", "Rishton", "UZ",
				Status.VERIFIED);
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			listed.add(create(weaver, "Quba carpet no. " + i, "CARPETS", (100 + i * 40) + ".00", i % 3));
		}
		String archived = create(weaver, "Quba carpet, withdrawn", "CARPETS", "90.00", 1);
		assertThat(Http.delete(url("/api/products/" + archived), weaver.auth()).statusCode()).isEqualTo(200);
		assertThat(Http.patchJson(url("/api/products/" + listed.getFirst() + "/stock"), "{\"stock\": 9}", weaver.auth())
			.statusCode()).isEqualTo(200);
		review(weaver, listed.get(1), 5);
		review(weaver, listed.get(1), 3);
		review(weaver, listed.get(2), 2);
		create(potter, "Ceramic bowl of a suspended potter", "CERAMICS", "40.00", 3);
		EventEnvelope<ArtisanVerificationChanged> suspended = EventEnvelope
			.wrap(new ArtisanVerificationChanged(potter.id(), potter.account(), Status.VERIFIED, Status.SUSPENDED, null,
					"admin", Instant.now()), "artisan-service", Instant.now(), null);
		this.kafka.send(Topics.ARTISAN_EVENTS, potter.id(), EventJson.write(suspended)).join();
		await().atMost(WAIT).until(() -> this.artisans.find(potter.id()).orElseThrow().status() == Status.SUSPENDED);
		return listed;
	}

	/** A new buyer's review of the product, after its delivery to them. */
	private void review(Artisan maker, String productId, int rating) {
		String buyer = "buyer-" + UUID.randomUUID();
		String order = "order-" + UUID.randomUUID();
		Money price = new Money(new BigDecimal("100.00"), "AZN");
		this.purchases.delivered(order, buyer,
				List.of(new OrderLine(productId, maker.id(), maker.account(), "Quba carpet", price, 1, price)));
		HttpResponse<String> written = Http.postJson(url("/api/products/" + productId + "/reviews"),
				Http.toJson(Map.of("rating", rating, "orderId", order)),
				Map.of("Authorization", TestTokens.bearer(buyer, "BUYER")));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
	}

	private ListingQuery query(String text, Order order, boolean inStock) {
		return new ListingQuery(text, null, null, null, null, null, null, null, inStock, null, order, 0, 20);
	}

	private static List<Answer> answers(ProductListings listings, List<ListingQuery> queries) {
		return queries.stream().map((query) -> Answer.of(listings.find(query), query.order())).toList();
	}

	private String create(Artisan artisan, String title, String category, String price, int stock) {
		String body = Http.toJson(Map.of("title", title, "description", "Made by hand.", "category", category,
				"materials", List.of("wool"), "tags", List.of(this.marker), "price",
				Map.of("amount", price, "currency", "AZN"), "stock", stock));
		HttpResponse<String> created = Http.postJson(url("/api/products"), body, artisan.auth());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * What a listing answered. Relevance scores depend on index statistics that deleted
	 * documents still count in until segments merge, so equally good matches may come in
	 * another order: for relevance only which products were found is compared.
	 */
	private record Answer(List<String> ids, long total, Facets facets, List<Integer> stock, List<String> ratings) {

		static Answer of(Listing listing, Order order) {
			List<String> ids = listing.items().stream().map((product) -> product.id()).toList();
			List<Integer> stock = listing.items().stream().map((product) -> product.stock()).toList();
			List<String> ratings = listing.items().stream().map((product) -> String.valueOf(product.rating())).toList();
			if (order == Order.RELEVANCE) {
				ids = ids.stream().sorted().toList();
				stock = stock.stream().sorted(Comparator.naturalOrder()).toList();
				ratings = ratings.stream().sorted().toList();
			}
			return new Answer(ids, listing.total(), listing.facets(), stock, ratings);
		}

	}

	/** A second index of this instance's catalogue, in the test's directory. */
	private final class Instance implements AutoCloseable {

		private final ProductIndex index;

		private final SearchFeed feed;

		private final ProductListings listings;

		Instance() {
			SearchIndexRebuildIntegrationTests test = SearchIndexRebuildIntegrationTests.this;
			this.index = new ProductIndex(test.directory, Duration.ofMillis(100), new ProductDocuments(test.json));
			this.feed = new SearchFeed(this.index, test.mongo, test.artisans, test.reservations, test.products,
					test.favourites, test.consumers, new SearchProperties(test.directory, Duration.ofMillis(100),
							Duration.ofSeconds(1), Duration.ofMillis(100)),
					test.clock);
			this.feed.start();
			this.listings = new ProductListings(this.index);
		}

		@Override
		public void close() throws IOException {
			this.feed.stop();
			this.index.close();
		}

	}

}
