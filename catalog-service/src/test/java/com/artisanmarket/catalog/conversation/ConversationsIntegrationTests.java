package com.artisanmarket.catalog.conversation;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.catalog.ProductEvents;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversations through the catalogue's HTTP API, on the real wire server and Kafka: who
 * may read and write (everyone else is told 404), unread counts, reports, conversations
 * about orders, the rate limit, a suspended artisan, and a long conversation read back
 * page by page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ConversationsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Money PRICE = new Money(new BigDecimal("35.00"), "AZN");

	private static final Map<String, String> ADMIN = Map.of("Authorization",
			TestTokens.bearer("admin-" + UUID.randomUUID(), "ADMIN"));

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Autowired
	ArtisanSnapshots snapshots;

	@Test
	void aBuyerAsksTheArtisanRepliesAndNobodyElseSeesIt() throws Exception {
		Artisan maker = maker("Sheki Silk");
		String product = product(maker, "Blue kelaghayi");
		Map<String, String> buyer = buyerAuth();

		HttpResponse<String> asked = ask(buyer, Map.of("productId", product, "text", "  Can it be made in blue?  "));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		JsonNode conversation = Http.json(asked);
		String id = conversation.path("id").asString();
		assertThat(asked.headers().firstValue("Location")).hasValue("/api/conversations/" + id);
		assertThat(conversation.path("subject").path("type").asString()).isEqualTo("PRODUCT");
		assertThat(conversation.path("subject").path("title").asString()).isEqualTo("Blue kelaghayi");
		assertThat(conversation.path("with").asString()).isEqualTo("Sheki Silk");
		assertThat(conversation.path("as").asString()).isEqualTo("BUYER");
		assertThat(conversation.path("lastMessage").path("text").asString()).isEqualTo("Can it be made in blue?");
		assertThat(conversation.path("unread").asLong()).isZero();

		HttpResponse<String> again = ask(buyer, Map.of("productId", product, "text", "And in green?"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		assertThat(Http.json(again).path("id").asString()).as("asking again reuses it").isEqualTo(id);
		assertThat(Http.json(again).path("messages").asLong()).isEqualTo(2);

		JsonNode inbox = Http.json(Http.get(url("/api/conversations"), maker.auth()));
		assertThat(inbox.path("totalItems").asLong()).isEqualTo(1);
		JsonNode listed = inbox.path("items").get(0);
		assertThat(listed.path("id").asString()).isEqualTo(id);
		assertThat(listed.path("as").asString()).isEqualTo("ARTISAN");
		assertThat(listed.path("with").asString()).isEqualTo("A buyer");
		assertThat(listed.path("unread").asLong()).isEqualTo(2);
		assertThat(unread(maker.auth()).path("messages").asLong()).isEqualTo(2);

		JsonNode messages = Http.json(Http.get(url("/api/conversations/" + id + "/messages"), maker.auth()));
		assertThat(messages.path("items")).extracting((message) -> message.path("text").asString())
			.containsExactly("Can it be made in blue?", "And in green?");
		assertThat(messages.path("items").get(0).path("mine").asBoolean()).isFalse();
		assertThat(messages.path("before").isNull()).isTrue();

		HttpResponse<String> reply = post(id, maker.auth(), "Yes, cobalt or emerald, two weeks.");
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
		assertThat(Http.json(reply).path("seq").asLong()).isEqualTo(3);
		assertThat(Http.json(reply).path("from").asString()).isEqualTo("ARTISAN");
		assertThat(unread(maker.auth()).path("messages").asLong()).as("replying reads").isZero();
		assertThat(unread(buyer).path("messages").asLong()).isEqualTo(1);
		HttpResponse<String> read = Http.postJson(url("/api/conversations/" + id + "/read"), "", buyer);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(Http.json(read).path("unread").asLong()).isZero();
		assertThat(unread(buyer).path("messages").asLong()).isZero();

		for (Map<String, String> stranger : List.of(buyerAuth(), maker("Guba Wool").auth(), ADMIN)) {
			assertThat(Http.get(url("/api/conversations/" + id), stranger).statusCode()).isEqualTo(404);
			assertThat(Http.get(url("/api/conversations/" + id + "/messages"), stranger).statusCode()).isEqualTo(404);
			assertThat(post(id, stranger, "Hello?").statusCode()).isEqualTo(404);
			assertThat(Http.postJson(url("/api/conversations/" + id + "/read"), "", stranger).statusCode())
				.isEqualTo(404);
			assertThat(report(id, stranger, "spam").statusCode()).isEqualTo(404);
		}
		assertThat(Http.json(Http.get(url("/api/conversations"), ADMIN)).path("items").toString()).doesNotContain(id);

		HttpResponse<String> reported = report(id, buyer, "He asked me to pay outside the marketplace.");
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
		assertThat(Http.json(Http.get(url("/api/conversations"), ADMIN)).path("items").toString()).contains(id);
		JsonNode seen = Http.json(Http.get(url("/api/conversations/" + id), ADMIN));
		assertThat(seen.path("reports").get(0).path("by").asString()).isEqualTo("BUYER");
		assertThat(Http.get(url("/api/conversations/" + id + "/messages"), ADMIN).statusCode()).isEqualTo(200);
		assertThat(post(id, ADMIN, "Admin here").statusCode()).as("an admin reads, never writes").isEqualTo(404);

		List<ConsumerRecord<String, String>> events = ProductEvents.of(this.consumers, id, "MessagePosted"::equals);
		assertThat(events).extracting((event) -> JSON.readTree(event.value()).path("data").path("seq").asLong())
			.containsExactly(1L, 2L, 3L);
		JsonNode replied = JSON.readTree(events.get(2).value()).path("data");
		assertThat(replied.path("senderId").asString()).isEqualTo(maker.account());
		assertThat(replied.path("artisanId").asString()).isEqualTo(maker.id());
		assertThat(events.get(0).value()).as("the text stays in the catalogue").doesNotContain("blue");
	}

	@Test
	void anOrderIsAskedAboutOnlyByItsBuyerNamingOneOfItsArtisans() throws Exception {
		Artisan potter = maker("Rishtan Blue");
		Artisan weaver = maker("Guba Carpets");
		String bowl = product(potter, "Blue bowl");
		String rug = product(weaver, "Prayer rug");
		String buyer = "buyer-" + UUID.randomUUID();
		String order = "order-" + UUID.randomUUID();
		OrderPlaced placed = new OrderPlaced(order, buyer, List.of(line(bowl, potter), line(rug, weaver)),
				PRICE.times(2), Instant.now());
		this.kafka
			.send(Topics.ORDER_EVENTS, order,
					EventJson.write(EventEnvelope.wrap(placed, "order-service", Instant.now(), null)))
			.get();
		Map<String, String> auth = Map.of("Authorization", TestTokens.bearer(buyer, "BUYER"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ask(auth, Map.of("orderId", order, "text", "When?")).statusCode() == 400);

		HttpResponse<String> unnamed = ask(auth, Map.of("orderId", order, "text", "When will it ship?"));
		assertThat(Http.json(unnamed).path("errors").toString()).contains("artisanId").contains("2 artisans");
		HttpResponse<String> wrong = ask(auth,
				Map.of("orderId", order, "artisanId", maker("Other").id(), "text", "When will it ship?"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		HttpResponse<String> asked = ask(auth,
				Map.of("orderId", order, "artisanId", weaver.id(), "text", "When will the rug ship?"));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		assertThat(Http.json(asked).path("subject").path("type").asString()).isEqualTo("ORDER");
		assertThat(Http.json(asked).path("subject").path("id").asString()).isEqualTo(order);
		assertThat(Http.json(asked).path("artisanId").asString()).isEqualTo(weaver.id());
		assertThat(Http.json(Http.get(url("/api/conversations"), weaver.auth())).path("totalItems").asLong())
			.isEqualTo(1);
		assertThat(Http.json(Http.get(url("/api/conversations"), potter.auth())).path("totalItems").asLong()).isZero();

		assertThat(ask(buyerAuth(), Map.of("orderId", order, "artisanId", weaver.id(), "text", "Mine?")).statusCode())
			.as("another buyer's order")
			.isEqualTo(404);
		assertThat(ask(auth, Map.of("text", "About nothing")).statusCode()).isEqualTo(400);
		assertThat(ask(auth, Map.of("orderId", order, "productId", bowl, "text", "Both")).statusCode()).isEqualTo(400);
		assertThat(ask(auth, Map.of("productId", "no-such-product", "text", "Hello")).statusCode()).isEqualTo(404);
		assertThat(ask(auth, Map.of("productId", bowl, "text", "   ")).statusCode()).isEqualTo(400);
		assertThat(ask(auth, Map.of("productId", bowl, "text", "x".repeat(4001))).statusCode()).isEqualTo(400);
		assertThat(ask(auth, Map.of("productId", bowl, "text", "bell\u0007")).statusCode()).isEqualTo(400);
		assertThat(ask(weaver.auth(), Map.of("productId", bowl, "text", "As an artisan")).statusCode()).isEqualTo(403);
		assertThat(
				Http.postJson(url("/api/conversations"), Http.toJson(Map.of("productId", bowl, "text", "Hi")), Map.of())
					.statusCode())
			.isEqualTo(401);
	}

	@Test
	void aSuspendedArtisanCanNoLongerWrite() throws Exception {
		Artisan maker = maker("Margilan Ikat");
		String product = product(maker, "Ikat coat");
		Map<String, String> buyer = buyerAuth();
		String id = Http.json(ask(buyer, Map.of("productId", product, "text", "Is it lined?"))).path("id").asString();
		assertThat(post(id, maker.auth(), "Yes, with cotton.").statusCode()).isEqualTo(201);

		EventEnvelope<ArtisanVerificationChanged> suspended = EventEnvelope
			.wrap(new ArtisanVerificationChanged(maker.id(), maker.account(), Status.VERIFIED, Status.SUSPENDED, null,
					"admin", Instant.now()), "artisan-service", Instant.now(), null);
		this.kafka.send(Topics.ARTISAN_EVENTS, maker.id(), EventJson.write(suspended)).get();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.snapshots.find(maker.id()).orElseThrow().status() == Status.SUSPENDED);

		HttpResponse<String> refused = post(id, maker.auth(), "Still here");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("suspended");
		assertThat(post(id, buyer, "Hello?").statusCode()).as("the buyer may still write").isEqualTo(201);
		assertThat(Http.get(url("/api/conversations/" + id + "/messages"), maker.auth()).statusCode())
			.as("and the artisan still read")
			.isEqualTo(200);
	}

	@Test
	void aSenderIsLimitedPerMinuteAndALongConversationReadsBackPageByPage() throws Exception {
		Artisan maker = maker("Bukhara Gold");
		String product = product(maker, "Gold-thread cap");
		String buyerId = "buyer-" + UUID.randomUUID();
		Map<String, String> buyer = Map.of("Authorization", TestTokens.bearer(buyerId, "BUYER"));
		String id = Http.json(ask(buyer, Map.of("productId", product, "text", "message 1"))).path("id").asString();
		for (int i = 2; i <= 20; i++) {
			assertThat(post(id, buyer, "message " + i).statusCode()).isEqualTo(201);
		}
		HttpResponse<String> limited = post(id, buyer, "message 21");
		assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 60L));
		assertThat(limited.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(post(id, maker.auth(), "reply 21").statusCode()).as("the limit is per sender").isEqualTo(201);

		for (int i = 22; i <= 120; i++) {
			this.mongo.remove(new Query(Criteria.where("_id").is(buyerId)), MessageRates.COLLECTION);
			assertThat(post(id, buyer, "message " + i).statusCode()).isEqualTo(201);
		}
		Conversation stored = this.mongo.findById(id, Conversation.class);
		assertThat(stored.archivedPages()).isEqualTo(2);
		assertThat(stored.messages()).hasSizeLessThanOrEqualTo(50);

		List<Long> seqs = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		String before = "";
		do {
			JsonNode page = Http.json(Http.get(url("/api/conversations/" + id + "/messages?size=30" + before), buyer));
			List<Long> pageSeqs = new ArrayList<>();
			page.path("items").forEach((message) -> {
				pageSeqs.add(message.path("seq").asLong());
				texts.add(0, message.path("text").asString());
			});
			seqs.addAll(0, pageSeqs);
			before = page.path("before").isNull() ? null : "&before=" + page.path("before").asLong();
		}
		while (before != null);
		assertThat(seqs).hasSize(120).isSorted().doesNotHaveDuplicates();
		assertThat(seqs.getFirst()).isEqualTo(1);
		assertThat(Http.get(url("/api/conversations/" + id + "/messages?size=101"), buyer).statusCode()).isEqualTo(400);
		assertThat(Http.get(url("/api/conversations/" + id + "/messages?before=0"), buyer).statusCode()).isEqualTo(400);
	}

	private JsonNode unread(Map<String, String> auth) {
		HttpResponse<String> response = Http.get(url("/api/conversations/unread"), auth);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private HttpResponse<String> ask(Map<String, String> auth, Map<String, String> request) {
		return Http.postJson(url("/api/conversations"), Http.toJson(request), auth);
	}

	private HttpResponse<String> post(String id, Map<String, String> auth, String text) {
		return Http.postJson(url("/api/conversations/" + id + "/messages"), Http.toJson(Map.of("text", text)), auth);
	}

	private HttpResponse<String> report(String id, Map<String, String> auth, String reason) {
		return Http.postJson(url("/api/conversations/" + id + "/report"), Http.toJson(Map.of("reason", reason)), auth);
	}

	private static Map<String, String> buyerAuth() {
		return Map.of("Authorization", TestTokens.bearer("buyer-" + UUID.randomUUID(), "BUYER"));
	}

	private Artisan maker(String name) {
		return KnownArtisans.register(this.kafka, this.snapshots, name, "Sheki", "AZ", Status.VERIFIED);
	}

	private String product(Artisan maker, String title) {
		String listing = Http.toJson(Map.of("title", title, "description", "Handmade, one of a kind.", "category",
				"TEXTILES", "materials", List.of("silk"), "tags", List.of("gift"), "price",
				Map.of("amount", "35.00", "currency", "AZN"), "stock", 50));
		HttpResponse<String> listed = Http.postJson(url("/api/products"), listing, maker.auth());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private static OrderLine line(String product, Artisan maker) {
		return new OrderLine(product, maker.id(), maker.account(), "A piece", PRICE, 1, PRICE);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
