package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Masterclasses in headless Chromium against the whole marketplace: a buyer finds a
 * class, reads its time in the class's own zone, books a seat and cancels it; an artisan
 * schedules a class in the studio, sees who comes, is refused fewer seats than are
 * booked, cancels it with a reason the buyer reads, and marks attendance at a class that
 * has started; the admin lists them all.
 */
class MasterclassesBrowserSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@RegisterExtension
	static final BrowserSession session = new BrowserSession(marketplace);

	@Test
	void aBuyerFindsAClassBooksASeatAndCancelsIt() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User artisan = teacher("Rishtan Blue " + tag);
		String craft = "ceramics-" + tag;
		OffsetDateTime start = OffsetDateTime.of(OffsetDateTime.now().getYear() + 1, 3, 14, 10, 0, 0, 0,
				ZoneOffset.ofHours(5));
		String masterclass = schedule(artisan, "Ishkor glaze " + tag, craft, start, null, 2);

		browser().signOut();
		browser().open("/masterclasses/" + masterclass);
		assertThat(browser().find("#sign-in-to-book").getDomAttribute("href"))
			.isEqualTo("/signin?next=%2Fmasterclasses%2F" + masterclass);

		Users.User buyer = Users.signUp(marketplace, "BUYER");
		browser().signIn(buyer);
		browser().find("#masterclasses-link").click();
		browser().waitUntil((driver) -> browser().heading().equals("Masterclasses"));
		browser().fill("#mc-craft", craft);
		browser().find("#masterclass-filter button[type=submit]").click();
		String card = "#masterclasses li[data-masterclass-id='" + masterclass + "']";
		browser().find(card + " .card-title").click();
		browser().waitUntil((driver) -> browser().heading().equals("Ishkor glaze " + tag));
		assertThat(browser().find("#masterclass-when").getText()).as("in the class's own time zone")
			.contains("10:00")
			.contains("(Asia/Samarkand)");
		assertThat(browser().find("#seats").getText()).isEqualTo("2 of 2 seats left");
		browser().shoot("masterclass");

		browser().find("#book").click();
		browser().waitUntil((driver) -> browser().heading().equals("My bookings"));
		String booking = "#bookings li.booking-card";
		assertThat(browser().find(booking + " .status").getText()).isEqualTo("Confirmed");
		assertThat(browser().find(booking + " .card-title").getText()).isEqualTo("Ishkor glaze " + tag);
		assertThat(browser().find(booking + " button.calendar").getText()).isEqualTo("Add to calendar");
		browser().shoot("bookings");
		browser().open("/masterclasses/" + masterclass);
		assertThat(browser().find("#seats").getText()).isEqualTo("1 of 2 seats left");

		browser().open("/bookings");
		browser().find(booking + " button.cancel-booking").click();
		browser().waitUntil((driver) -> browser().find(booking + " .status").getText().equals("Cancelled"));
		browser().open("/masterclasses/" + masterclass);
		assertThat(browser().find("#seats").getText()).as("the seat is free again").isEqualTo("2 of 2 seats left");

		new Select(browser().find("#language")).selectByValue("az");
		browser().waitUntil((driver) -> browser().find("#masterclasses-link").getText().equals("Ustad dərsləri"));
		assertThat(browser().find("#seats").getText()).isEqualTo("2 yerdən 2 boş");
		new Select(browser().find("#language")).selectByValue("en");
	}

	@Test
	void anArtisanSchedulesAClassSeesWhoComesCancelsItAndMarksAttendance() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Users.User artisan = teacher("Bukhara Gold " + tag);
		browser().signIn(artisan);
		browser().open("/studio/masterclasses");
		browser().find("#new-masterclass").click();
		browser().waitUntil((driver) -> browser().heading().equals("New masterclass"));
		int year = OffsetDateTime.now().getYear() + 1;
		browser().fill("#mc-title", "Zardozi evening " + tag);
		browser().fill("#mc-craft-input", "gold embroidery");
		browser().script("arguments[0].value = arguments[1]", browser().find("#mc-starts"), year + "-03-14T18:30");
		browser().fill("#mc-zone", "Asia/Samarkand");
		browser().fill("#mc-seats", "5");
		browser().fill("#mc-city-input", "Bukhara");
		new Select(browser().find("#mc-country")).selectByValue("UZ");
		browser().fill("#mc-languages", "uz, en");
		browser().fill("#mc-price", "30");
		browser().find("#save-masterclass").click();
		browser().waitUntil((driver) -> browser().path().matches("/studio/masterclasses/[0-9a-f-]{36}"));
		String masterclass = browser().path().substring("/studio/masterclasses/".length());
		JsonNode stored = Http.json(Http.get(marketplace.gatewayUrl() + "/api/masterclasses/" + masterclass));
		assertThat(stored.path("startsAt").asString()).as("read in the class's zone")
			.isEqualTo(year + "-03-14T18:30:00+05:00");
		assertThat(stored.path("seats").asInt()).isEqualTo(5);

		Users.User buyer = Users.signUp(marketplace, "BUYER");
		String booking = book(buyer, masterclass, 2);
		browser().open("/studio/masterclasses/" + masterclass);
		assertThat(browser().find("#attendees tr[data-booking-id='" + booking + "']").getText()).contains("Test BUYER")
			.contains("2");
		browser().fill("#mc-seats", "1");
		browser().find("#save-masterclass").click();
		assertThat(browser().find("#masterclass-form .alert.error").getText())
			.contains("2 seats are booked: the class cannot have fewer.");
		browser().shoot("studio-masterclass");

		browser().fill("#cancel-reason", "The workshop is being rebuilt");
		browser().find("#confirm-cancel-masterclass").click();
		assertThat(browser().find("#masterclass-cancelled").getText()).contains("The workshop is being rebuilt");
		JsonNode cancelled = Http
			.json(Http.get(marketplace.gatewayUrl() + "/api/bookings/" + booking, buyer.authorization()));
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		browser().signIn(buyer);
		browser().open("/bookings");
		assertThat(browser().find("#bookings li[data-booking-id='" + booking + "'] .booking-reason").getText())
			.contains("The workshop is being rebuilt");

		// A class that has started: the artisan marks the buyer present.
		OffsetDateTime soon = OffsetDateTime.now().plusSeconds(10);
		String started = schedule(artisan, "Zardozi now " + tag, "gold embroidery", soon, soon.minusSeconds(5), 3);
		String present = book(buyer, started, 1);
		await().until(() -> OffsetDateTime.now().isAfter(soon));
		browser().signIn(artisan);
		browser().open("/studio/masterclasses/" + started);
		String row = "#attendees tr[data-booking-id='" + present + "']";
		browser().find(row + " button.mark-attended").click();
		browser().waitUntil((driver) -> browser().find(row + " .status").getText().equals("Attended"));

		Users.User admin = Users.admin(marketplace);
		browser().signIn(admin);
		browser().open("/admin/masterclasses?status=CANCELLED");
		assertThat(browser().find("#admin-masterclasses tr[data-masterclass-id='" + masterclass + "']").getText())
			.contains("Zardozi evening " + tag);
	}

	private static Users.User teacher(String name) {
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", name, "craft", "crafts", "city", "Bukhara", "country", "UZ")),
				artisan.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		return artisan;
	}

	private static String schedule(Users.User artisan, String title, String craft, OffsetDateTime start,
			OffsetDateTime closes, int seats) {
		Map<String, Object> request = new HashMap<>();
		request.put("title", title);
		request.put("craft", craft);
		request.put("startsAt", start.withNano(0).toString());
		request.put("durationMinutes", 120);
		request.put("timeZone", "Asia/Samarkand");
		request.put("format", "IN_PERSON");
		request.put("city", "Rishtan");
		request.put("country", "UZ");
		request.put("languages", List.of("uz", "en"));
		request.put("seats", seats);
		request.put("price", Map.of("amount", "30.00", "currency", "USD"));
		if (closes != null) {
			request.put("bookingClosesAt", closes.withNano(0).toString());
		}
		HttpResponse<String> created = Http.postJson(marketplace.gatewayUrl() + "/api/masterclasses",
				Http.toJson(request), artisan.authorization());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private static String book(Users.User buyer, String masterclass, int seats) {
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> booked = Http.postJson(
				marketplace.gatewayUrl() + "/api/masterclasses/" + masterclass + "/bookings",
				"{\"seats\": " + seats + "}", headers);
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		return Http.json(booked).path("id").asString();
	}

	private static Browser browser() {
		return session.browser();
	}

}
