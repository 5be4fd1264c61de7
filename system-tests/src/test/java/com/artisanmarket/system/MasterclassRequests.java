package com.artisanmarket.system;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.artisanmarket.testsupport.Http;

/**
 * The body of a masterclass in person, weeks ahead, as the system tests schedule them.
 */
final class MasterclassRequests {

	private MasterclassRequests() {
	}

	static String inPerson(String title, String craft, String city, String timeZone, int seats) {
		Map<String, Object> request = new HashMap<>();
		request.put("title", title);
		request.put("craft", craft);
		request.put("startsAt", OffsetDateTime.now().plusDays(30).withNano(0).toString());
		request.put("durationMinutes", 120);
		request.put("timeZone", timeZone);
		request.put("format", "IN_PERSON");
		request.put("city", city);
		request.put("country", "UZ");
		request.put("languages", List.of("uz", "en"));
		request.put("seats", seats);
		request.put("price", Map.of("amount", "40.00", "currency", "USD"));
		return Http.toJson(request);
	}

}
