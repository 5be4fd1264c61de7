package com.artisanmarket.catalog.masterclass;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.artisanmarket.catalog.ProductEvents;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.artisan.KnownArtisans;
import com.artisanmarket.catalog.artisan.KnownArtisans.Artisan;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.Money;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Masterclasses and their bookings through the catalogue's HTTP API, on the real wire
 * server and Kafka: no overbooking under contention, idempotent booking, cancelling
 * (seats back, a whole class with its reason), half-done bookings finished by the sweep,
 * attendance and the calendar file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "marketplace.masterclasses.settle-after=1s", "marketplace.masterclasses.sweep-interval=500ms" })
@Import(InfrastructureTestConfiguration.class)
class MasterclassesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	void thirtyBuyersAtOnceForTwelveSeatsGetExactlyTwelveAndACancelledSeatIsBookableAgain() throws Exception {
		Artisan teacher = teacher();
		String masterclass = schedule(teacher, 12, inDays(10), null);
		List<Callable<HttpResponse<String>>> bookings = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
			bookings.add(() -> book(masterclass, 1, UUID.randomUUID().toString(), buyer));
		}
		Map<String, Map<String, String>> buyerOf = new HashMap<>();
		List<String> ids = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(bookings.size())) {
			for (Future<HttpResponse<String>> call : pool.invokeAll(bookings)) {
				HttpResponse<String> response = call.get();
				assertThat(response.statusCode()).as(response.body()).isIn(201, 202);
				String id = Http.json(response).path("id").asString();
				ids.add(id);
				buyerOf.put(id, Map.of("Authorization",
						response.request().headers().firstValue("Authorization").orElseThrow()));
			}
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> statuses = ids.stream()
				.map((id) -> Http.json(Http.get(url("/api/bookings/" + id), buyerOf.get(id))).path("status").asString())
				.toList();
			assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(12);
			assertThat(statuses).filteredOn("REJECTED"::equals).hasSize(18);
		});
		assertThat(seatsLeft(masterclass)).isZero();
		Masterclass stored = this.mongo.findById(masterclass, Masterclass.class);
		assertThat(stored.booked()).isEqualTo(12);
		assertThat(stored.holds()).hasSize(12);

		String confirmed = ids.stream()
			.filter((id) -> Http.json(Http.get(url("/api/bookings/" + id), buyerOf.get(id)))
				.path("status")
				.asString()
				.equals("CONFIRMED"))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> cancelled = Http.postJson(url("/api/bookings/" + confirmed + "/cancel"), "",
				buyerOf.get(confirmed));
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(Http.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
		assertThat(seatsLeft(masterclass)).as("the seat is free again").isEqualTo(1);

		HttpResponse<String> again = book(masterclass, 1, "k-1", buyerAuth("buyer-" + UUID.randomUUID()));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		assertThat(Http.json(again).path("status").asString()).isEqualTo("CONFIRMED");
		HttpResponse<String> full = book(masterclass, 1, "k-1", buyerAuth("buyer-" + UUID.randomUUID()));
		assertThat(Http.json(full).path("status").asString()).isEqualTo("REJECTED");
		assertThat(Http.json(full).path("statusHistory").get(1).path("reason").asString()).contains("full");
		assertThat(seatsLeft(masterclass)).isZero();

		List<ConsumerRecord<String, String>> events = ProductEvents.of(this.consumers, confirmed,
				(type) -> type.startsWith("Masterclass"));
		assertThat(events).extracting((event) -> JSON.readTree(event.value()).path("type").asString())
			.containsExactly("MasterclassBooked", "MasterclassBookingCancelled");
	}

	@Test
	void aBookingAskedAgainWithItsKeyIsTheSameBooking() {
		Artisan teacher = teacher();
		String masterclass = schedule(teacher, 5, inDays(10), null);
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());

		HttpResponse<String> first = book(masterclass, 2, "key-1", buyer);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location"))
			.hasValue("/api/bookings/" + Http.json(first).path("id").asString());
		JsonNode booking = Http.json(first);
		assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booking.path("total").path("amount").asString()).isEqualTo("90.00");
		assertThat(booking.path("masterclass").path("title").asString()).isEqualTo("Suzani stitches");
		assertThat(booking.path("masterclass").path("artisanName").asString()).isEqualTo("Bukhara Gold");
		HttpResponse<String> repeated = book(masterclass, 2, "key-1", buyer);
		assertThat(Http.json(repeated).path("id").asString()).isEqualTo(booking.path("id").asString());
		assertThat(seatsLeft(masterclass)).as("booked once").isEqualTo(3);
		assertThat(book(masterclass, 3, "key-1", buyer).statusCode()).as("the key for another request").isEqualTo(422);

		assertThat(Http.postJson(url("/api/masterclasses/" + masterclass + "/bookings"), "{\"seats\":1}", buyer)
			.statusCode()).as("no Idempotency-Key").isEqualTo(400);
		assertThat(book(masterclass, 11, "key-2", buyer).statusCode()).isEqualTo(400);
		assertThat(book("no-such-class", 1, "key-3", buyer).statusCode()).isEqualTo(404);
		assertThat(book(masterclass, 1, "key-4", teacher.auth()).statusCode()).isEqualTo(403);
		assertThat(book(masterclass, 1, "key-5", Map.of()).statusCode()).isEqualTo(401);
		assertThat(Http.json(Http.get(url("/api/bookings"), buyer)).path("totalItems").asInt()).isEqualTo(1);
		assertThat(Http.get(url("/api/bookings/" + booking.path("id").asString()), teacher.auth()).statusCode())
			.as("the artisan who teaches it")
			.isEqualTo(200);
		assertThat(
				Http.get(url("/api/bookings/" + booking.path("id").asString()), buyerAuth("buyer-" + UUID.randomUUID()))
					.statusCode())
			.as("another buyer")
			.isEqualTo(404);
		JsonNode attendees = Http
			.json(Http.get(url("/api/masterclasses/" + masterclass + "/bookings"), teacher.auth()));
		assertThat(attendees).hasSize(1);
		assertThat(attendees.get(0).path("seats").asInt()).isEqualTo(2);
		assertThat(Http.get(url("/api/masterclasses/" + masterclass + "/bookings"), teacher().auth()).statusCode())
			.as("another artisan")
			.isEqualTo(403);
	}

	@Test
	void cancellingAClassCancelsEveryBookingWithItsReason() {
		Artisan teacher = teacher();
		String masterclass = schedule(teacher, 5, inDays(10), null);
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		String first = Http.json(book(masterclass, 2, "a", buyer)).path("id").asString();
		String second = Http.json(book(masterclass, 1, "b", buyer)).path("id").asString();

		HttpResponse<String> cancelled = Http.postJson(url("/api/masterclasses/" + masterclass + "/cancel"),
				"{\"reason\":\"The kiln broke\"}", teacher.auth());
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(Http.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
		for (String id : List.of(first, second)) {
			JsonNode booking = Http.json(Http.get(url("/api/bookings/" + id), buyer));
			assertThat(booking.path("status").asString()).isEqualTo("CANCELLED");
			assertThat(booking.path("statusHistory").get(2).path("reason").asString()).contains("The kiln broke");
		}
		assertThat(this.mongo.findById(masterclass, Masterclass.class).booked()).isZero();
		assertThat(book(masterclass, 1, "c", buyer).statusCode()).isEqualTo(409);
		assertThat(Http.json(Http.get(url("/api/masterclasses?artisanId=" + teacher.id()))).path("totalItems").asInt())
			.as("not among the upcoming")
			.isZero();
		assertThat(Http.json(Http.get(url("/api/masterclasses?status=CANCELLED&artisanId=" + teacher.id())))
			.path("totalItems")
			.asInt()).isEqualTo(1);
		assertThat(Http
			.postJson(url("/api/masterclasses/" + masterclass + "/cancel"), "{\"reason\":\"x\"}", teacher().auth())
			.statusCode()).as("another artisan").isEqualTo(403);
	}

	@Test
	void aBookingLeftHalfDoneIsFinishedByTheSweep() {
		Artisan teacher = teacher();
		String masterclass = schedule(teacher, 3, inDays(10), null);
		Masterclass stored = this.mongo.findById(masterclass, Masterclass.class);
		Instant before = Instant.now().minusSeconds(60);
		// Stored, then the process stopped before taking the seats.
		Booking pending = booking("half-1", stored, "buyer-a", 2, BookingStatus.PENDING, before);
		// Cancelled, then stopped before giving the seat back.
		Booking cancelled = booking("half-2", stored, "buyer-b", 1, BookingStatus.CANCELLED, before);
		this.mongo.insert(pending);
		this.mongo.insert(cancelled);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(masterclass)),
				new Update().set("holds", List.of(new Masterclass.Hold("half-2", "buyer-b", 1)))
					.set("booked", 1)
					.inc("version", 1),
				Masterclass.class);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.mongo.findById("half-1", Booking.class).status()).isEqualTo(BookingStatus.CONFIRMED);
			assertThat(this.mongo.findById("half-2", Booking.class).settled()).isTrue();
			Masterclass now = this.mongo.findById(masterclass, Masterclass.class);
			assertThat(now.holds()).extracting(Masterclass.Hold::bookingId).containsExactly("half-1");
			assertThat(now.booked()).isEqualTo(2);
		});
		assertThat(seatsLeft(masterclass)).isEqualTo(1);
	}

	@Test
	void theCalendarFileHoldsTheClassInItsTimeZone() throws Exception {
		Artisan teacher = teacher();
		OffsetDateTime start = OffsetDateTime.of(LocalYear.next(), 3, 14, 10, 0, 0, 0, ZoneOffset.ofHours(5));
		String masterclass = schedule(teacher, 8, start, "Asia/Samarkand");
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		String booking = Http.json(book(masterclass, 1, "cal", buyer)).path("id").asString();

		HttpResponse<String> ics = Http.get(url("/api/bookings/" + booking + "/calendar.ics"), buyer);
		assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
		assertThat(ics.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/calendar"));
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		ZonedDateTime starts = (ZonedDateTime) event.getDateTimeStart().getDate();
		assertThat(event.getDateTimeStart().<TzId>getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Asia/Samarkand");
		ZonedDateTime inBaku = starts.withZoneSameInstant(ZoneId.of("Asia/Baku"));
		assertThat(inBaku.toLocalTime()).as("10:00 in Samarkand is 09:00 in Baku").hasHour(9).hasMinute(0);
		assertThat(inBaku.toInstant()).isEqualTo(start.toInstant());
		assertThat(((ZonedDateTime) event.getDateTimeEnd().getDate()).toInstant())
			.isEqualTo(start.plusMinutes(180).toInstant());
		assertThat(ics.body()).as("the local time of the class's zone, as every calendar reads it")
			.contains("DTSTART;TZID=Asia/Samarkand:" + start.getYear() + "0314T100000");
		assertThat(event.getLocation().getValue()).isEqualTo("Chor Bakr 4, Bukhara, UZ");
		assertThat(ics.body()).contains("CN=Bukhara Gold").contains("BEGIN:VTIMEZONE").contains("TZID:Asia/Samarkand");

		assertThat(Http.get(url("/api/bookings/" + booking + "/calendar.ics"), buyerAuth("buyer-" + UUID.randomUUID()))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void theListingFiltersAndAnEditKeepsTheSeatsBooked() {
		Artisan teacher = teacher();
		String masterclass = schedule(teacher, 4, inDays(20), null);
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		book(masterclass, 3, "e", buyer);

		String byTeacher = "/api/masterclasses?artisanId=" + teacher.id();
		assertThat(Http.json(Http.get(url(byTeacher + "&city=bukhara&craft=EMBROIDERY&language=uz")))
			.path("totalItems")
			.asInt()).isEqualTo(1);
		assertThat(Http.json(Http.get(url(byTeacher + "&language=fr"))).path("totalItems").asInt()).isZero();
		assertThat(Http.json(Http.get(url(byTeacher + "&format=ONLINE"))).path("totalItems").asInt()).isZero();
		assertThat(Http.json(Http.get(url(byTeacher + "&to=" + inDays(5)))).path("totalItems").asInt()).isZero();
		JsonNode listed = Http.json(Http.get(url(byTeacher))).path("items").get(0);
		assertThat(listed.path("seatsLeft").asInt()).isEqualTo(1);
		assertThat(listed.path("timeZone").asString()).isEqualTo("Asia/Tashkent");

		Map<String, Object> fewer = request(2, inDays(20), null);
		assertThat(
				Http.putJson(url("/api/masterclasses/" + masterclass), Http.toJson(fewer), teacher.auth()).statusCode())
			.as("below the 3 booked")
			.isEqualTo(409);
		Map<String, Object> more = request(6, inDays(20), null);
		HttpResponse<String> edited = Http.putJson(url("/api/masterclasses/" + masterclass), Http.toJson(more),
				teacher.auth());
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(Http.json(edited).path("seatsLeft").asInt()).isEqualTo(3);
		assertThat(Http.putJson(url("/api/masterclasses/" + masterclass), Http.toJson(more), teacher().auth())
			.statusCode()).as("another artisan").isEqualTo(403);

		Map<String, Object> bad = request(6, inDays(20), "Mars/Olympus");
		HttpResponse<String> refused = Http.postJson(url("/api/masterclasses"), Http.toJson(bad), teacher.auth());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("timeZone");
		HttpResponse<String> past = Http.postJson(url("/api/masterclasses"),
				Http.toJson(request(6, OffsetDateTime.now().minusDays(1), null)), teacher.auth());
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(past.body()).contains("startsAt");
	}

	@Test
	void theArtisanMarksAttendanceOnceTheClassHasStarted() {
		Artisan teacher = teacher();
		OffsetDateTime start = OffsetDateTime.now().plusSeconds(4);
		Map<String, Object> soon = request(3, start, null);
		soon.put("bookingClosesAt", start.minusSeconds(1).toString());
		HttpResponse<String> created = Http.postJson(url("/api/masterclasses"), Http.toJson(soon), teacher.auth());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String masterclass = Http.json(created).path("id").asString();
		Map<String, String> buyer = buyerAuth("buyer-" + UUID.randomUUID());
		String booking = Http.json(book(masterclass, 1, "att", buyer)).path("id").asString();
		String attendance = url("/api/bookings/" + booking + "/attendance");

		HttpResponse<String> early = Http.postJson(attendance, "", teacher.auth());
		if (Instant.now().isBefore(start.toInstant())) {
			assertThat(early.statusCode()).as("before the start").isEqualTo(409);
		}
		assertThat(Http.postJson(attendance, "", buyer).statusCode()).isEqualTo(403);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(Http.postJson(attendance, "", teacher.auth()).statusCode()).isEqualTo(200));
		assertThat(Http.json(Http.get(url("/api/bookings/" + booking), buyer)).path("status").asString())
			.isEqualTo("ATTENDED");
		assertThat(Http.postJson(url("/api/bookings/" + booking + "/cancel"), "", buyer).statusCode())
			.as("attended: nothing to cancel")
			.isEqualTo(409);
	}

	private Booking booking(String id, Masterclass masterclass, String buyer, int seats, BookingStatus status,
			Instant at) {
		return new Booking(id, masterclass.id(), masterclass.artisanId(), masterclass.ownerId(), masterclass.title(),
				buyer, "A buyer", masterclass.id() + "/" + seats, seats, masterclass.price().times(seats), status,
				List.of(new Booking.Change(status, at, null)), false, at, at, 1, List.of());
	}

	private int seatsLeft(String masterclass) {
		return Http.json(Http.get(url("/api/masterclasses/" + masterclass))).path("seatsLeft").asInt();
	}

	private HttpResponse<String> book(String masterclass, int seats, String key, Map<String, String> auth) {
		Map<String, String> headers = new HashMap<>(auth);
		headers.put("Idempotency-Key", key);
		return Http.postJson(url("/api/masterclasses/" + masterclass + "/bookings"), "{\"seats\":" + seats + "}",
				headers);
	}

	private String schedule(Artisan teacher, int seats, OffsetDateTime startsAt, String timeZone) {
		HttpResponse<String> created = Http.postJson(url("/api/masterclasses"),
				Http.toJson(request(seats, startsAt, timeZone)), teacher.auth());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private static Map<String, Object> request(int seats, OffsetDateTime startsAt, String timeZone) {
		Map<String, Object> request = new HashMap<>();
		request.put("title", "Suzani stitches");
		request.put("description", "Gold thread on silk, the Bukhara way.");
		request.put("craft", "embroidery");
		request.put("startsAt", startsAt.toString());
		request.put("durationMinutes", 180);
		request.put("timeZone", (timeZone != null) ? timeZone : "Asia/Tashkent");
		request.put("format", "IN_PERSON");
		request.put("city", "Bukhara");
		request.put("country", "UZ");
		request.put("address", "Chor Bakr 4");
		request.put("languages", List.of("uz", "ru"));
		request.put("seats", seats);
		request.put("price", Money.of("45.00", "AZN"));
		return request;
	}

	private static OffsetDateTime inDays(int days) {
		return OffsetDateTime.now(ZoneOffset.ofHours(5)).plusDays(days).truncatedTo(ChronoUnit.MINUTES);
	}

	private static Map<String, String> buyerAuth(String buyer) {
		return Map.of("Authorization", TestTokens.bearer(buyer, "BUYER"));
	}

	private Artisan teacher() {
		return KnownArtisans.register(this.kafka, this.snapshots, "Bukhara Gold", "Bukhara", "UZ", Status.VERIFIED);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** Next year, so that a fixed date in March is always ahead. */
	private static final class LocalYear {

		static int next() {
			return OffsetDateTime.now().getYear() + 1;
		}

	}

}
