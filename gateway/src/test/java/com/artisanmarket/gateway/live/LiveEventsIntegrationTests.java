package com.artisanmarket.gateway.live;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.OrderEvent.Shipment;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.EventStream;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signed-in user's event stream, fed from the real Kafka broker: tickets, who hears
 * of what, and a reconnect with {@code Last-Event-ID}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class LiveEventsIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Money PRICE = new Money(new BigDecimal("40.00"), "AZN");

	@LocalServerPort
	int port;

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ReactiveMongoOperations mongo;

	@Autowired
	LiveFeed feed;

	@Test
	void aTicketOpensOneStreamOnceAndNotAfterItExpires() {
		Account buyer = signUp("BUYER");
		String ticket = ticket(buyer);
		try (EventStream stream = EventStream.open(url("/api/me/events?ticket=" + ticket), Map.of())) {
			assertThat(stream.next("ready", SOON).data()).isEqualTo("{}");
		}
		HttpResponse<String> again = Http.get(url("/api/me/events?ticket=" + ticket),
				Map.of("Accept", "text/event-stream"));
		assertThat(again.statusCode()).as("a ticket works once").isEqualTo(401);
		assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(again.body()).contains("used already or expired");

		String late = ticket(buyer);
		this.mongo
			.updateMulti(new Query(Criteria.where("accountId").is(buyer.id())),
					new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))), StreamTickets.COLLECTION)
			.block();
		assertThat(Http.get(url("/api/me/events?ticket=" + late), Map.of("Accept", "text/event-stream")).statusCode())
			.as("an expired ticket")
			.isEqualTo(401);
		assertThat(Http.get(url("/api/me/events?ticket=made-up"), Map.of()).statusCode()).isEqualTo(401);
		assertThat(Http.get(url("/api/me/events"), Map.of()).statusCode()).isEqualTo(401);
		assertThat(Http.postJson(url("/api/me/events/ticket"), "", Map.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void eachUserHearsOfTheirOwnEventsAndAReconnectIsReplayedWhatItMissed() throws Exception {
		Account buyer = signUp("BUYER");
		Account artisan = signUp("ARTISAN");
		Account stranger = signUp("BUYER");
		String order = "order-" + UUID.randomUUID();
		OrderLine line = new OrderLine("p-" + UUID.randomUUID(), "a-" + UUID.randomUUID(), artisan.id(), "Silk scarf",
				PRICE, 2, PRICE.times(2));
		String lastSeen;
		try (EventStream buyers = EventStream.open(url("/api/me/events"), buyer.auth());
				EventStream artisans = EventStream.open(url("/api/me/events?ticket=" + ticket(artisan)), Map.of());
				EventStream strangers = EventStream.open(url("/api/me/events"), stranger.auth())) {
			buyers.next("ready", SOON);
			artisans.next("ready", SOON);
			strangers.next("ready", SOON);
			awaitFeedAssigned();

			publish(Topics.ORDER_EVENTS, order,
					new OrderConfirmed(order, buyer.id(), List.of(line), PRICE.times(2), Instant.now(), Instant.now()));
			EventStream.Event confirmed = buyers.next("order-status", SOON);
			assertThat(JSON.readTree(confirmed.data()).path("orderId").asString()).isEqualTo(order);
			assertThat(JSON.readTree(confirmed.data()).path("status").asString()).isEqualTo("CONFIRMED");
			assertThat(confirmed.id()).isNotBlank();
			JsonNode newOrder = JSON.readTree(artisans.next("new-order", SOON).data());
			assertThat(newOrder.path("orderId").asString()).isEqualTo(order);
			assertThat(newOrder.path("lines").get(0).path("title").asString()).isEqualTo("Silk scarf");
			assertThat(newOrder.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);

			publish(Topics.CATALOG_EVENTS, "c-1", new MessagePosted("c-" + UUID.randomUUID(), 1, buyer.id(), "a-1",
					artisan.id(), buyer.id(), Instant.now()));
			assertThat(artisans.next("message", SOON).data()).contains("conversationId");
			assertThat(strangers.drain(Duration.ofMillis(500))).as("nothing of others'").isEmpty();
			assertThat(buyers.drain(Duration.ofMillis(200))).as("not one's own message").isEmpty();
			lastSeen = confirmed.id();
		}

		try (EventStream witness = EventStream.open(url("/api/me/events"), buyer.auth())) {
			witness.next("ready", SOON);
			publish(Topics.ORDER_EVENTS, order,
					new OrderShipped(order, buyer.id(),
							List.of(new Shipment(line.artisanId(), List.of(line.productId()), "AZ-1", Instant.now())),
							Instant.now()));
			assertThat(witness.next("order-status", SOON).data()).as("the gateway has it").contains("SHIPPED");
		}
		try (EventStream again = EventStream.open(url("/api/me/events"),
				Map.of("Authorization", buyer.auth().get("Authorization"), "Last-Event-ID", lastSeen))) {
			again.next("ready", SOON);
			List<EventStream.Event> replayed = again.drain(Duration.ofMillis(700));
			assertThat(replayed).as("the missed event, once").hasSize(1);
			assertThat(replayed.getFirst().name()).isEqualTo("order-status");
			assertThat(replayed.getFirst().data()).contains("SHIPPED");
		}
	}

	private void awaitFeedAssigned() {
		await().atMost(Duration.ofSeconds(30)).until(this.feed::assigned);
	}

	private void publish(String topic, String key, MarketplaceEvent event) throws Exception {
		String source = topic.equals(Topics.ORDER_EVENTS) ? "order-service" : "catalog-service";
		this.kafka.send(topic, key, EventJson.write(EventEnvelope.wrap(event, source, Instant.now(), null))).get();
	}

	private String ticket(Account account) {
		HttpResponse<String> issued = Http.postJson(url("/api/me/events/ticket"), "", account.auth());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		JsonNode ticket = Http.json(issued);
		assertThat(Instant.parse(ticket.path("expiresAt").asString())).isBetween(Instant.now().plusSeconds(20),
				Instant.now().plusSeconds(31));
		return ticket.path("ticket").asString();
	}

	private Account signUp(String role) {
		String email = "live." + UUID.randomUUID() + "@example.com";
		HttpResponse<String> registered = Http.postJson(url("/api/auth/register"), Http
			.toJson(Map.of("email", email, "password", "live-updates-2026", "displayName", "Live", "role", role)));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		HttpResponse<String> login = Http.postJson(url("/api/auth/login"),
				Http.toJson(Map.of("email", email, "password", "live-updates-2026")));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		JsonNode tokens = Http.json(login);
		return new Account(tokens.path("user").path("id").asString(), tokens.path("accessToken").asString());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private record Account(String id, String token) {

		Map<String, String> auth() {
			return Map.of("Authorization", "Bearer " + this.token);
		}

	}

}
