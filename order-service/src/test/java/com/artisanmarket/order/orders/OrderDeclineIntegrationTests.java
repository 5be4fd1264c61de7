package com.artisanmarket.order.orders;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An artisan may refuse an order that holds their lines, with a reason, before anything
 * ships: the order is cancelled through the {@code OrderCancelled} that releases its
 * stock, and buyer and artisans read why. Nobody else may (issue 17).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class OrderDeclineIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Test
	void anArtisanWithLinesInTheOrderDeclinesItAndItsStockIsReleased() {
		String buyer = "buyer-" + UUID.randomUUID();
		String weaver = "artisan-" + UUID.randomUUID();
		String potter = "artisan-" + UUID.randomUUID();
		Order order = StoredOrders.store(this.mongo, OrderStatus.CONFIRMED, Instant.now(), buyer, weaver, potter);

		HttpResponse<String> declined = decline(order, weaver, "ARTISAN",
				"{\"reason\": \"This buyer ordered my whole stock\"}");

		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
		String reason = "declined by the artisan: This buyer ordered my whole stock";
		assertThat(lastReason(Http.json(declined))).isEqualTo(reason);
		assertThat(this.mongo.findById(order.id(), Order.class).status()).isEqualTo(OrderStatus.CANCELLED);
		for (Map.Entry<String, String> reader : Map.of(buyer, "BUYER", potter, "ARTISAN").entrySet()) {
			JsonNode seen = Http.json(Http.get(url("/api/orders/" + order.id()),
					Map.of("Authorization", TestTokens.bearer(reader.getKey(), reader.getValue()))));
			assertThat(seen.path("status").asString()).isEqualTo("CANCELLED");
			assertThat(lastReason(seen)).as("what " + reader.getValue() + " reads").isEqualTo(reason);
		}
		List<EventEnvelope<?>> events = OrderEventsTopic.awaitEvents(List.of(order.id()),
				(event) -> event.data() instanceof OrderCancelled);
		assertThat(events).singleElement().satisfies((event) -> {
			OrderCancelled cancelled = (OrderCancelled) event.data();
			assertThat(cancelled.cancelledBy()).isEqualTo(weaver);
			assertThat(cancelled.reason()).isEqualTo(reason);
			assertThat(cancelled.wasConfirmed()).isTrue();
			assertThat(cancelled.lines()).hasSize(2);
		});
	}

	@Test
	void refusesADeclineByAnotherArtisanByTheBuyerOrOnceShipped() {
		String buyer = "buyer-" + UUID.randomUUID();
		String weaver = "artisan-" + UUID.randomUUID();
		Order order = StoredOrders.store(this.mongo, OrderStatus.CONFIRMED, Instant.now(), buyer, weaver);
		String body = "{\"reason\": \"no\"}";

		assertThat(decline(order, "artisan-" + UUID.randomUUID(), "ARTISAN", body).statusCode())
			.as("another artisan may not know the order exists, as for shipments")
			.isEqualTo(404);
		assertThat(decline(order, buyer, "BUYER", body).statusCode()).as("a buyer cancels instead").isEqualTo(403);
		assertThat(decline(order, "admin", "ADMIN", body).statusCode()).as("an admin cancels instead").isEqualTo(403);
		HttpResponse<String> withoutReason = decline(order, weaver, "ARTISAN", "{\"reason\": \"  \"}");
		assertThat(withoutReason.statusCode()).as(withoutReason.body()).isEqualTo(400);
		assertThat(Http.json(withoutReason).path("errors").toString()).contains("reason");
		assertThat(this.mongo.findById(order.id(), Order.class).status()).isEqualTo(OrderStatus.CONFIRMED);

		Order shipped = StoredOrders.store(this.mongo, OrderStatus.SHIPPED, Instant.now(), buyer, weaver);
		HttpResponse<String> tooLate = decline(shipped, weaver, "ARTISAN", body);
		assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
		assertThat(tooLate.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.mongo.findById(shipped.id(), Order.class).status()).isEqualTo(OrderStatus.SHIPPED);
	}

	private HttpResponse<String> decline(Order order, String account, String role, String body) {
		return Http.postJson(url("/api/orders/" + order.id() + "/decline"), body,
				Map.of("Authorization", TestTokens.bearer(account, role)));
	}

	private static String lastReason(JsonNode order) {
		JsonNode history = order.path("statusHistory");
		return history.get(history.size() - 1).path("reason").asString();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
