package com.artisanmarket.artisan.profile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ArtisanProfileIntegrationTests {

	@LocalServerPort
	int port;

	private final String admin = TestTokens.bearer("admin-" + UUID.randomUUID(), "ADMIN");

	@Test
	void refusesAStaleIfMatchAndLeavesTheProfileUnchanged() throws Exception {
		String owner = TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN");
		HttpResponse<String> created = create(owner, "Ganja Kelaghayi", "Ganja", "AZ");
		String id = Http.json(created).path("id").asString();
		String etag = created.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> first = put("/api/artisans/" + id, profile("Ganja Kelaghayi House", "Ganja", "AZ"),
				Map.of("Authorization", owner, "If-Match", etag));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));

		HttpResponse<String> stale = put("/api/artisans/" + id, profile("Overwritten", "Baku", "AZ"),
				Map.of("Authorization", owner, "If-Match", etag));
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(Http.json(stale).path("title").asString()).isEqualTo("Precondition failed");

		JsonNode stored = Http.json(Http.get(url("/api/artisans/" + id)));
		assertThat(stored.path("displayName").asString()).isEqualTo("Ganja Kelaghayi House");
		assertThat(stored.path("city").asString()).isEqualTo("Ganja");
	}

	@Test
	void letsOnlyTheOwnerOrAnAdminChangeAProfile() throws Exception {
		String owner = TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN");
		String id = Http.json(create(owner, "Quba Rugs", "Quba", "AZ")).path("id").asString();
		String stranger = TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN");

		assertThat(put("/api/artisans/" + id, profile("Stolen", "Quba", "AZ"), Map.of("Authorization", stranger))
			.statusCode()).isEqualTo(403);
		assertThat(put("/api/artisans/" + id, profile("Quba Rugs (checked)", "Quba", "AZ"),
				Map.of("Authorization", this.admin))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void suspensionHidesTheArtisanFromEveryoneButItsOwnerAndAdmins() throws Exception {
		String ownerAccount = "artisan-" + UUID.randomUUID();
		String owner = TestTokens.bearer(ownerAccount, "ARTISAN");
		String name = "Hidden " + UUID.randomUUID();
		String id = Http.json(create(owner, name, "Sheki", "AZ")).path("id").asString();

		HttpResponse<String> suspended = put("/api/artisans/" + id + "/verification",
				Http.toJson(Map.of("status", "SUSPENDED", "note", "copied designs")),
				Map.of("Authorization", this.admin));
		assertThat(suspended.statusCode()).isEqualTo(200);
		assertThat(Http.json(suspended).path("status").asString()).isEqualTo("SUSPENDED");

		assertThat(Http.get(url("/api/artisans/" + id)).statusCode()).isEqualTo(404);
		assertThat(names(Http.get(url("/api/artisans?q=" + name.replace(" ", "%20"))))).isEmpty();
		HttpResponse<String> own = Http.get(url("/api/artisans/me"), Map.of("Authorization", owner));
		assertThat(Http.json(own).path("verificationNote").asString()).isEqualTo("copied designs");
		assertThat(names(
				Http.get(url("/api/artisans?q=" + name.replace(" ", "%20")), Map.of("Authorization", this.admin))))
			.containsExactly(name);

		put("/api/artisans/" + id + "/verification", Http.toJson(Map.of("status", "VERIFIED")),
				Map.of("Authorization", this.admin));
		assertThat(Http.get(url("/api/artisans/" + id)).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesSearchWordsWithAControlCharacterInsteadOfFailing() {
		// A NUL inside the words (edges are trimmed) made the regular expression an
		// invalid BSON string: 500 (found by the hostile-input suite).
		for (String query : List.of("q=x%00y", "craft=rug%00s", "q=silk%07carpet")) {
			HttpResponse<String> response = Http.get(url("/api/artisans?" + query));

			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(Http.get(url("/api/artisans?q=%20silk%20carpet%20")).statusCode()).isEqualTo(200);
	}

	@Test
	void listsNewestFirstWithFiltersAndPages() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (String city : List.of("Rishtan", "Khiva", "Bukhara")) {
			create(TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"), city + " " + tag, city, "UZ");
		}
		create(TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"), "Lahij " + tag, "Lahij", "AZ");

		HttpResponse<String> firstPage = Http.get(url("/api/artisans?q=" + tag + "&country=UZ&size=2"));
		JsonNode page = Http.json(firstPage);
		assertThat(names(firstPage)).containsExactly("Bukhara " + tag, "Khiva " + tag);
		assertThat(page.path("totalItems").asLong()).isEqualTo(3);
		assertThat(page.path("totalPages").asLong()).isEqualTo(2);
		assertThat(names(Http.get(url("/api/artisans?q=" + tag + "&country=UZ&size=2&page=1"))))
			.containsExactly("Rishtan " + tag);
		assertThat(names(Http.get(url("/api/artisans?q=" + tag.toUpperCase() + "&craft=CERAM")))).hasSize(4);

		HttpResponse<String> tooBig = Http.get(url("/api/artisans?size=500"));
		assertThat(tooBig.statusCode()).isEqualTo(400);
		assertThat(Http.json(tooBig).path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	@Test
	void filtersByVerificationStatusForTheAdminsQueue() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String waiting = Http
			.json(create(TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"), "Waiting " + tag, "Sheki", "AZ"))
			.path("id")
			.asString();
		String verified = Http
			.json(create(TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"), "Verified " + tag, "Sheki",
					"AZ"))
			.path("id")
			.asString();
		String suspended = Http
			.json(create(TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN"), "Suspended " + tag, "Sheki",
					"AZ"))
			.path("id")
			.asString();
		put("/api/artisans/" + verified + "/verification", Http.toJson(Map.of("status", "VERIFIED")),
				Map.of("Authorization", this.admin));
		put("/api/artisans/" + suspended + "/verification", Http.toJson(Map.of("status", "SUSPENDED")),
				Map.of("Authorization", this.admin));

		assertThat(
				names(Http.get(url("/api/artisans?q=" + tag + "&status=PENDING"), Map.of("Authorization", this.admin))))
			.containsExactly("Waiting " + tag);
		assertThat(names(
				Http.get(url("/api/artisans?q=" + tag + "&status=SUSPENDED"), Map.of("Authorization", this.admin))))
			.containsExactly("Suspended " + tag);
		assertThat(names(Http.get(url("/api/artisans?q=" + tag + "&status=SUSPENDED")))).isEmpty();
		assertThat(Http.get(url("/api/artisans?status=LOST")).statusCode()).isEqualTo(400);
		assertThat(waiting).isNotBlank();
	}

	@Test
	void answersMeOnlyForAnAccountWithAProfile() {
		String nobody = TestTokens.bearer("artisan-" + UUID.randomUUID(), "ARTISAN");

		assertThat(Http.get(url("/api/artisans/me"), Map.of("Authorization", nobody)).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/api/artisans/me")).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> create(String authorization, String name, String city, String country) {
		HttpResponse<String> created = Http.postJson(url("/api/artisans"), profile(name, city, country),
				Map.of("Authorization", authorization));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created;
	}

	private static String profile(String name, String city, String country) {
		return Http.toJson(Map.of("displayName", name, "craft", "ceramics", "city", city, "country", country));
	}

	private HttpResponse<String> put(String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		new HashMap<>(headers).forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> names(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		Http.json(response).path("items").forEach((item) -> names.add(item.path("displayName").asString()));
		return names;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
