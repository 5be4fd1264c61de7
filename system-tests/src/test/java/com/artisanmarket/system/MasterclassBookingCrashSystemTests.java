package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thirty buyers book one seat each of a twelve-seat masterclass at once, through the
 * gateway, while the catalogue's JVM dies right after taking the seats of its fifth
 * booking (before confirming it). Each buyer's client sends the same request again with
 * the same {@code Idempotency-Key} until it is answered, as a client does after a failed
 * call; after the restart exactly twelve bookings hold seats, the class's holds are
 * exactly those bookings, and no seat is lost or sold twice.
 */
class MasterclassBookingCrashSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@AfterEach
	void catalogIsBack() {
		marketplace.restart(Stack.CATALOG_SERVICE);
	}

	@Test
	void aCrashWhileTwelveSeatsAreBookedByThirtyBuyersSellsExactlyTwelve() throws Exception {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(
						Map.of("displayName", "Margilan Ikat", "craft", "ikat", "city", "Margilan", "country", "UZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		HttpResponse<String> created = Http.postJson(marketplace.gatewayUrl() + "/api/masterclasses",
				MasterclassRequests.inPerson("Ikat dyeing", "ikat", "Margilan", "Asia/Tashkent", 12),
				artisan.authorization());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String masterclass = Http.json(created).path("id").asString();
		List<Users.User> buyers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			buyers.add(Users.signUp(marketplace, "BUYER"));
		}

		marketplace.kill(Stack.CATALOG_SERVICE);
		marketplace.start(Stack.CATALOG_SERVICE, "--marketplace.masterclasses.crash-after-holds=5");
		List<Callable<String>> bookings = new ArrayList<>();
		for (Users.User buyer : buyers) {
			Map<String, String> headers = new HashMap<>(buyer.authorization());
			headers.put("Idempotency-Key", UUID.randomUUID().toString());
			bookings.add(() -> bookUntilAnswered(masterclass, headers));
		}
		// Its failure fails the test at once (a restart that failed silently once left
		// the
		// bookings waiting three minutes for a catalogue that never came back).
		CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(120)).until(() -> !marketplace.isRunning(Stack.CATALOG_SERVICE));
			marketplace.restart(Stack.CATALOG_SERVICE);
		});
		Map<String, Map<String, String>> bookers = new HashMap<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(bookings.size())) {
			List<Future<String>> answers = new ArrayList<>();
			bookings.forEach((booking) -> answers.add(pool.submit(booking)));
			try {
				restarted.get();
			}
			catch (ExecutionException ex) {
				pool.shutdownNow();
				throw ex;
			}
			for (int i = 0; i < answers.size(); i++) {
				bookers.put(answers.get(i).get(), buyers.get(i).authorization());
			}
		}
		assertThat(bookers).as("one booking per buyer").hasSize(30);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Set<String> confirmed = new HashSet<>();
			int rejected = 0;
			for (Map.Entry<String, Map<String, String>> booking : bookers.entrySet()) {
				String status = Http
					.json(Http.get(marketplace.gatewayUrl() + "/api/bookings/" + booking.getKey(), booking.getValue()))
					.path("status")
					.asString();
				if (status.equals("CONFIRMED")) {
					confirmed.add(booking.getKey());
				}
				else if (status.equals("REJECTED")) {
					rejected++;
				}
			}
			assertThat(confirmed).hasSize(12);
			assertThat(rejected).isEqualTo(18);
			try (MongoClient mongo = MongoClients.create(marketplace.mongoUri())) {
				Document stored = mongo.getDatabase("catalog")
					.getCollection("masterclasses")
					.find(Filters.eq("_id", masterclass))
					.first();
				assertThat(stored.getList("holds", Document.class)).extracting((hold) -> hold.getString("bookingId"))
					.as("the seats are held by exactly the confirmed bookings")
					.containsExactlyInAnyOrderElementsOf(confirmed);
				assertThat(stored.getInteger("booked")).isEqualTo(12);
			}
		});
		assertThat(Http.json(Http.get(marketplace.gatewayUrl() + "/api/masterclasses/" + masterclass))
			.path("seatsLeft")
			.asInt()).isZero();
	}

	/**
	 * Sends the booking until the marketplace answers it (201 or 202), as a client would
	 * while the catalogue is down; the same key each time.
	 * @return the booking's id
	 */
	private static String bookUntilAnswered(String masterclass, Map<String, String> headers) {
		String url = marketplace.gatewayUrl() + "/api/masterclasses/" + masterclass + "/bookings";
		HttpResponse<String>[] last = new HttpResponse[1];
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			last[0] = Http.postJson(url, "{\"seats\": 1}", headers);
			return last[0].statusCode() == 201 || last[0].statusCode() == 202;
		});
		return Http.json(last[0]).path("id").asString();
	}

}
