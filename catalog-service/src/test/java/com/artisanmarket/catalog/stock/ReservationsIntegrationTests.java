package com.artisanmarket.catalog.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.catalog.product.Category;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductStatus;
import com.artisanmarket.catalog.stock.Reservation.ReservationStatus;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.FailureReason;
import com.artisanmarket.events.CatalogEvent.ReservedLine;
import com.artisanmarket.events.Money;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Import(InfrastructureTestConfiguration.class)
class ReservationsIntegrationTests {

	@Autowired
	Reservations reservations;

	@Autowired
	MongoOperations mongo;

	@Test
	void doesNotOversellUnderConcurrentOrders() throws Exception {
		String product = product(10);
		List<Callable<ReservationStatus>> orders = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String orderId = "race-" + UUID.randomUUID();
			orders.add(() -> this.reservations.reserve(orderId, List.of(line(product, 1))));
		}
		List<ReservationStatus> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (Future<ReservationStatus> outcome : pool.invokeAll(orders)) {
				outcomes.add(outcome.get());
			}
		}

		assertThat(outcomes.stream().filter(ReservationStatus.RESERVED::equals)).hasSize(10);
		assertThat(outcomes.stream().filter(ReservationStatus.FAILED::equals)).hasSize(50);
		Product after = this.mongo.findById(product, Product.class);
		assertThat(after.stock()).isZero();
		assertThat(after.reservedBy()).as("only orders in flight are marked").isEmpty();
		assertThat(after.stock() + reservedIn(product)).as("initial = available + reserved").isEqualTo(10);
	}

	@Test
	void namesEveryProductOfAFailedReservationNotOnlyTheFailingOnes() {
		String taken = product(5);
		String missing = product(1);
		String orderId = "o-" + UUID.randomUUID();

		assertThat(this.reservations.reserve(orderId, List.of(line(taken, 2), line(missing, 3))))
			.isEqualTo(ReservationStatus.FAILED);

		assertThat(this.reservations.productIds(orderId)).containsExactly(taken, missing);
		assertThat(this.reservations.productIds("no-such-order")).isEmpty();
	}

	@Test
	void givesAReservedOrderBackOnceWhenAReleaseIsRepeatedAfterACrash() {
		String product = product(5);
		String orderId = "o-" + UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(line(product, 2)));
		// The state a crash leaves after the units went back but before the record said
		// so.
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(product)),
				new Update().inc("stock", 2).push("returnedBy", orderId), Product.class);

		this.reservations.release(orderId, "cancelled by buyer");
		this.reservations.release(orderId, "cancelled by buyer");

		Product after = this.mongo.findById(product, Product.class);
		assertThat(after.stock()).isEqualTo(5);
		assertThat(after.returnedBy()).isEmpty();
		assertThat(this.mongo.findById(orderId, Reservation.class).status()).isEqualTo(ReservationStatus.RELEASED);
	}

	@Test
	void takesTheMarkersOutThatACrashAfterFinishingLeft() {
		String product = product(5);
		String orderId = "o-" + UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(line(product, 2)));
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(product)),
				new Update().push("reservedBy", new Product.Held(orderId, 2)), Product.class);

		assertThat(this.reservations.reserve(orderId, List.of(line(product, 2)))).isEqualTo(ReservationStatus.RESERVED);

		Product after = this.mongo.findById(product, Product.class);
		assertThat(after.reservedBy()).isEmpty();
		assertThat(after.stock()).isEqualTo(3);
	}

	private int reservedIn(String productId) {
		return this.mongo
			.find(new Query(
					Criteria.where("status").is(ReservationStatus.RESERVED).and("lines.productId").is(productId)),
					Reservation.class)
			.stream()
			.flatMap((reservation) -> reservation.lines().stream())
			.filter((line) -> line.productId().equals(productId))
			.mapToInt(ReservedLine::quantity)
			.sum();
	}

	@Test
	void reservesAnOrderOnceHoweverOftenItArrives() {
		String product = product(5);
		String orderId = "o-" + UUID.randomUUID();

		assertThat(this.reservations.reserve(orderId, List.of(line(product, 2)))).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.reservations.reserve(orderId, List.of(line(product, 2)))).isEqualTo(ReservationStatus.RESERVED);

		assertThat(this.mongo.findById(product, Product.class).stock()).isEqualTo(3);
	}

	@Test
	void givesTheFirstLineBackWhenTheSecondLacksStock() {
		String plenty = product(5);
		String scarce = product(1);
		String orderId = "o-" + UUID.randomUUID();

		ReservationStatus outcome = this.reservations.reserve(orderId, List.of(line(plenty, 2), line(scarce, 3)));

		assertThat(outcome).isEqualTo(ReservationStatus.FAILED);
		assertThat(this.mongo.findById(plenty, Product.class).stock()).isEqualTo(5);
		assertThat(this.mongo.findById(plenty, Product.class).reservedBy()).isEmpty();
		assertThat(this.mongo.findById(scarce, Product.class).stock()).isEqualTo(1);
		Reservation reservation = this.mongo.findById(orderId, Reservation.class);
		assertThat(reservation.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.productId()).isEqualTo(scarce);
			assertThat(failure.available()).isEqualTo(1);
			assertThat(failure.reason()).isEqualTo(FailureReason.OUT_OF_STOCK);
		});
	}

	@Test
	void finishesAReservationThatACrashInterruptedWithoutTakingTwice() {
		String first = product(4);
		String second = product(4);
		String orderId = "o-" + UUID.randomUUID();
		Instant now = Instant.now();
		// The state a crash after the first line leaves: the record RESERVING, one line
		// held.
		this.mongo.insert(new Reservation(orderId, null, ReservationStatus.RESERVING,
				List.of(new ReservedLine(first, 3), new ReservedLine(second, 1)), List.of(), now, now, List.of()));
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(first)),
				new Update().inc("stock", -3).push("reservedBy", new Product.Held(orderId, 3)), Product.class);

		ReservationStatus outcome = this.reservations.reserve(orderId, List.of(line(first, 3), line(second, 1)));

		assertThat(outcome).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.mongo.findById(first, Product.class).stock()).isEqualTo(1);
		assertThat(this.mongo.findById(second, Product.class).stock()).isEqualTo(3);
	}

	@Test
	void releasesOnceAndNeverReservesAfterARelease() {
		String product = product(3);
		String orderId = "o-" + UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(line(product, 2)));

		this.reservations.release(orderId, "cancelled by buyer");
		this.reservations.release(orderId, "cancelled by buyer");
		ReservationStatus late = this.reservations.reserve(orderId, List.of(line(product, 2)));

		assertThat(late).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.mongo.findById(product, Product.class).stock()).isEqualTo(3);
	}

	@Test
	void aCancellationBeforeTheOrderArrivedLeavesATombstone() {
		String product = product(3);
		String orderId = "o-" + UUID.randomUUID();

		this.reservations.release(orderId, "cancelled at once");

		assertThat(this.reservations.reserve(orderId, List.of(line(product, 1)))).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.mongo.findById(product, Product.class).stock()).isEqualTo(3);
	}

	@Test
	void refusesUnknownArchivedAndSuspendedProductsWithTheirReason() {
		String archived = product(3);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(archived)),
				new Update().set("status", ProductStatus.ARCHIVED), Product.class);
		String suspended = product(3);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(suspended)),
				new Update().set("artisanStatus", ArtisanEvent.Status.SUSPENDED), Product.class);
		String orderId = "o-" + UUID.randomUUID();

		this.reservations.reserve(orderId, List.of(line("no-such-product", 1), line(archived, 1), line(suspended, 1)));

		assertThat(this.mongo.findById(orderId, Reservation.class).failures()).extracting((failure) -> failure.reason())
			.containsExactly(FailureReason.UNKNOWN_PRODUCT, FailureReason.ARCHIVED, FailureReason.ARTISAN_SUSPENDED);
	}

	@Test
	void tellsLinesThatAreNotTheLinesTheOrderWasPlacedWith() {
		String bowl = product(5);
		String jug = product(5);
		String orderId = "o-" + UUID.randomUUID();
		assertThat(this.reservations.mismatch(orderId, List.of(line(bowl, 1)))).as("nothing reserved yet").isEmpty();

		this.reservations.reserve(orderId, List.of(line(bowl, 1), line(jug, 2), line(bowl, 1)));

		assertThat(this.reservations.mismatch(orderId, List.of(line(bowl, 2), line(jug, 2)))).isEmpty();
		assertThat(this.reservations.mismatch(orderId, List.of(line(bowl, 1), line(jug, 2))))
			.hasValueSatisfying((rule) -> assertThat(rule).contains("was placed with"));
		assertThat(this.reservations.mismatch(orderId, List.of(line(bowl, 2)))).isPresent();
		assertThat(this.reservations.mismatch(orderId, List.of(line(bowl, 2), line(jug, 2), line(product(1), 1))))
			.isPresent();
	}

	private String product(int stock) {
		String id = "p-" + UUID.randomUUID();
		Money price = Money.of("10.00", "USD");
		this.mongo
			.insert(new Product(id, "a-1", "u-1", "Test bowl", null, Category.CERAMICS, List.of(), List.of(), price,
					1000, stock, List.of(), ProductStatus.ACTIVE, "Test", "Rishtan", "UZ", ArtisanEvent.Status.VERIFIED,
					Instant.now(), Instant.now(), List.of(), List.of(), List.of(), null, 0L, null, null));
		return id;
	}

	private static OrderLine line(String productId, int quantity) {
		Money price = Money.of("10.00", "USD");
		return new OrderLine(productId, "a-1", "u-1", "Test bowl", price, quantity, price.times(quantity));
	}

}
