package com.artisanmarket.order.orders;

import java.time.Duration;
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
 * A confirmed order that nobody ships does not hold its stock forever (issue 17): the
 * sweep cancels it after {@code marketplace.orders.ship-within} with the reason, through
 * the {@code OrderCancelled} that makes the catalogue release the stock, and leaves a
 * younger order and a shipped one alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class UnshippedOrdersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UnshippedOrders unshipped;

	@Autowired
	MongoOperations mongo;

	@Test
	void expiresAConfirmedOrderNotShippedWithinFourteenDaysAndReleasesItsStock() {
		Instant now = Instant.now();
		String buyer = "buyer-" + UUID.randomUUID();
		String artisan = "artisan-" + UUID.randomUUID();
		Order overdue = StoredOrders.store(this.mongo, OrderStatus.CONFIRMED, now.minus(Duration.ofDays(15)), buyer,
				artisan);
		Order young = StoredOrders.store(this.mongo, OrderStatus.CONFIRMED, now.minus(Duration.ofDays(13)), buyer,
				artisan);
		Order shipped = StoredOrders.store(this.mongo, OrderStatus.SHIPPED, now.minus(Duration.ofDays(30)), buyer,
				artisan);

		this.unshipped.sweep();

		assertThat(status(overdue)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(status(young)).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(status(shipped)).isEqualTo(OrderStatus.SHIPPED);
		String reason = "expired: not shipped within 14 days";
		for (String reader : List.of(buyer, artisan)) {
			JsonNode seen = Http.json(Http.get(url("/api/orders/" + overdue.id()),
					Map.of("Authorization", TestTokens.bearer(reader, reader.equals(buyer) ? "BUYER" : "ARTISAN"))));
			assertThat(seen.path("status").asString()).isEqualTo("CANCELLED");
			assertThat(seen.path("statusHistory").get(seen.path("statusHistory").size() - 1).path("reason").asString())
				.as("what " + reader + " reads")
				.isEqualTo(reason);
		}
		List<EventEnvelope<?>> events = OrderEventsTopic.awaitEvents(List.of(overdue.id()),
				(event) -> event.data() instanceof OrderCancelled);
		assertThat(events).singleElement().satisfies((event) -> {
			OrderCancelled cancelled = (OrderCancelled) event.data();
			assertThat(cancelled.reason()).isEqualTo(reason);
			assertThat(cancelled.wasConfirmed()).as("the catalogue releases a confirmed order's stock").isTrue();
			assertThat(cancelled.cancelledBy()).isNull();
			assertThat(cancelled.lines()).singleElement().satisfies((line) -> assertThat(line.quantity()).isEqualTo(2));
		});
	}

	@Test
	void expiresAnOrderOnceHoweverManySweepsFindIt() {
		Order overdue = StoredOrders.store(this.mongo, OrderStatus.CONFIRMED, Instant.now().minus(Duration.ofDays(20)),
				"buyer-" + UUID.randomUUID(), "artisan-" + UUID.randomUUID());

		this.unshipped.sweep();
		this.unshipped.sweep();

		Order expired = this.mongo.findById(overdue.id(), Order.class);
		assertThat(expired.statusHistory()).extracting(Order.Change::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
	}

	private OrderStatus status(Order order) {
		return this.mongo.findById(order.id(), Order.class).status();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
