package com.artisanmarket.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.Topics;
import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.OrderStatus;
import com.artisanmarket.order.orders.Orders;
import com.artisanmarket.order.orders.PendingWatch;
import com.artisanmarket.order.orders.ShippingAddress;
import com.artisanmarket.support.lease.Leases;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No order stays PENDING forever: the check publishes a quiet order's OrderPlaced again,
 * and rejects one that never got an answer, with the reason.
 */
@SpringBootTest(properties = { "marketplace.orders.republish-after=20s", "marketplace.orders.reject-after=2m",
		"marketplace.orders.pending-check-interval=1h", "marketplace.orders.pending-scan-interval=0s" })
@Import(InfrastructureTestConfiguration.class)
class PendingOrdersIntegrationTests {

	@Autowired
	PendingOrders pending;

	@Autowired
	MongoOperations mongo;

	@Autowired
	Orders orders;

	@Autowired
	Clock clock;

	@Autowired
	Leases leases;

	@Test
	void publishesAQuietOrderAgainAndRejectsAnOrderThatNeverGotAnAnswer() {
		Instant now = Instant.now();
		String quiet = pendingOrder(now.minus(Duration.ofSeconds(40)));
		String abandoned = pendingOrder(now.minus(Duration.ofMinutes(3)));
		String fresh = pendingOrder(now.minus(Duration.ofSeconds(5)));

		this.pending.check();

		assertThat(this.mongo.findById(abandoned, Order.class).status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(this.mongo.findById(abandoned, Order.class).statusHistory().getLast().reason())
			.contains("did not answer within 2 min");
		assertThat(this.mongo.findById(quiet, Order.class).status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.mongo.findById(fresh, Order.class).status()).isEqualTo(OrderStatus.PENDING);
		List<ConsumerRecord<String, String>> published = awaitEvents(List.of(quiet, abandoned));
		assertThat(published).anySatisfy((record) -> {
			assertThat(record.key()).isEqualTo(quiet);
			assertThat(EventJson.read(record.value()).orElseThrow().data()).isInstanceOf(OrderPlaced.class);
		});
		assertThat(published).anySatisfy((record) -> {
			assertThat(record.key()).isEqualTo(abandoned);
			assertThat(EventJson.read(record.value()).orElseThrow().data()).isInstanceOf(OrderRejected.class);
		});
		assertThat(published).noneMatch((record) -> record.key().equals(fresh));
	}

	/**
	 * Issue 19: with several instances of order-service, each runs this check. Two at
	 * once over the same left-behind orders change and publish each order once: the scan
	 * runs under a lease, so one of them finds the orders; and a rejection is a
	 * conditional write, so even two finding one order would reject it once.
	 */
	@Test
	void twoInstancesCheckingAtOnceRepublishOrRejectEachOrderOnce() throws Exception {
		Instant now = Instant.now();
		List<String> abandoned = IntStream.range(0, 20)
			.mapToObj((i) -> pendingOrder(now.minus(Duration.ofMinutes(3))))
			.toList();
		List<String> quiet = IntStream.range(0, 20)
			.mapToObj((i) -> pendingOrder(now.minus(Duration.ofSeconds(40))))
			.toList();
		PendingProperties properties = new PendingProperties(Duration.ofSeconds(20), Duration.ofMinutes(2),
				Duration.ofMinutes(1));
		PendingOrders one = new PendingOrders(this.mongo, this.orders, new PendingWatch(), this.leases, this.clock,
				properties);
		PendingOrders other = new PendingOrders(this.mongo, this.orders, new PendingWatch(), this.leases, this.clock,
				properties);

		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			Future<?> first = instances.submit(one::check);
			Future<?> second = instances.submit(other::check);
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			// The lease would keep this class's other scans out for the minute.
			this.mongo.remove(Query.query(Criteria.where("_id").is(PendingOrders.LEASE)), "leases");
		}

		for (String id : abandoned) {
			Order order = this.mongo.findById(id, Order.class);
			assertThat(order.status()).as(id).isEqualTo(OrderStatus.REJECTED);
			assertThat(order.statusHistory()).as(id)
				.filteredOn((change) -> change.status() == OrderStatus.REJECTED)
				.hasSize(1);
			assertThat(order.version()).as("written once after it was placed").isEqualTo(2);
		}
		List<ConsumerRecord<String, String>> published = awaitEvents(
				Stream.concat(abandoned.stream(), quiet.stream()).toList());
		for (String id : abandoned) {
			assertThat(published).as(id)
				.filteredOn((record) -> record.key().equals(id)
						&& EventJson.read(record.value()).orElseThrow().data() instanceof OrderRejected)
				.hasSize(1);
		}
		for (String id : quiet) {
			assertThat(published).as(id)
				.filteredOn((record) -> record.key().equals(id)
						&& EventJson.read(record.value()).orElseThrow().data() instanceof OrderPlaced)
				.hasSize(1);
		}
	}

	private String pendingOrder(Instant at) {
		String id = UUID.randomUUID().toString();
		Money price = Money.of("10.00", "USD");
		this.mongo.insert(new Order(id, "buyer-1", UUID.randomUUID().toString(), "hash", OrderStatus.PENDING,
				List.of(new Order.Line("p-1", "a-1", "u-1", "Bowl", price, 1, price, null, null)), price,
				new ShippingAddress("Leyla", "Nizami 1", null, "Baku", "AZ1000", "AZ"), List.of("u-1"), at, at,
				List.of(new Order.Change(OrderStatus.PENDING, at, null)), 1, List.of()));
		return id;
	}

	private static List<ConsumerRecord<String, String>> awaitEvents(List<String> keys) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "pending-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.ORDER_EVENTS));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return keys.stream().allMatch((key) -> seen.stream().anyMatch((record) -> record.key().equals(key)));
			});
			// A second copy would have been sent with the first: a few more polls would
			// see it.
			await().pollDelay(Duration.ZERO).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return true;
			});
			return seen;
		}
	}

}
