package com.artisanmarket.gateway.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class EdgeIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void refusesAJsonBodyOverOneMebibyteCleanly() {
		String big = "{\"displayName\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";

		HttpResponse<String> response = Http.postJson(url("/api/auth/register"), big);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Payload too large");
	}

	@Test
	void answersARequestTheFirewallRefusesWithProblemJson() {
		HttpResponse<String> response = Http.putJson(url("/api/artisans//verification"), "{\"status\": \"VERIFIED\"}",
				Map.of());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("status").asInt()).isEqualTo(400);
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Request refused");
	}

	@Test
	void letsACsvImportOfSomeMegabytesThroughButNotOneOverTheUploadLimit() {
		String rows = "key,title,category,price,currency,stock\n" + "k,Bowl,CERAMICS,1,UZS,1\n".repeat(120_000);
		assertThat(rows.length()).isGreaterThan(2 * 1024 * 1024);

		assertThat(Http.postCsv(url("/api/products/import"), rows, Map.of()).statusCode()).isNotEqualTo(413);
		assertThat(Http.postCsv(url("/api/products/import"), rows.repeat(4), Map.of()).statusCode()).isEqualTo(413);
		assertThat(Http.postCsv(url("/api/products"), rows, Map.of()).statusCode()).as("other paths keep 1 MiB")
			.isEqualTo(413);
	}

	@Test
	void treatsAnAcceptHeaderThatCannotBeParsedAsNone() {
		HttpResponse<String> keys = Http.get(url("/.well-known/jwks.json"), Map.of("Accept", "garbage"));
		HttpResponse<String> refused = Http.postJson(url("/api/auth/register"), "{\"email\": \"x\"}",
				Map.of("Accept", "*/*;q=abc"));

		assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(refused).path("status").asInt()).isEqualTo(400);
	}

	@Test
	void answersAClientThatAcceptsOnlyEventStreamsWithProblemJson() {
		HttpResponse<String> keys = Http.get(url("/.well-known/jwks.json"), Map.of("Accept", "text/event-stream"));
		HttpResponse<String> refused = Http.postJson(url("/api/auth/register"), "{\"email\": \"x\"}",
				Map.of("Accept", "text/event-stream"));

		assertThat(keys.statusCode()).isEqualTo(406);
		assertThat(keys.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(keys).path("status").asInt()).isEqualTo(406);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void answersAReplayForAnUnknownServiceWithProblemJson() throws Exception {
		String password = java.nio.file.Files.readString(java.nio.file.Path.of("target/test-data/admin-password"))
			.trim();
		String token = Http
			.json(Http.postJson(url("/api/auth/login"),
					Http.toJson(Map.of("email", "admin@artisan-marketplace.local", "password", password))))
			.path("accessToken")
			.asString();

		HttpResponse<String> response = Http.postJson(url("/api/admin/dead-letters/replay"),
				"{\"service\": \"no-such-service\"}", Map.of("Authorization", "Bearer " + token));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Unknown service");
	}

	@Test
	void setsSecurityHeaders() {
		HttpResponse<String> response = Http.get(url("/.well-known/jwks.json"));

		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(GatewaySecurity.CONTENT_SECURITY_POLICY);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
	}

	@Test
	void letsPagesShowImagesOnlyFromTheMarketplaceItself() {
		HttpResponse<String> response = Http.get(url("/"));

		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
						+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
	}

	@Test
	void passesARequestIdThroughOrMakesOne() {
		HttpResponse<String> given = Http.get(url("/.well-known/jwks.json"), Map.of("X-Request-Id", "checkout-42"));
		HttpResponse<String> made = Http.get(url("/.well-known/jwks.json"));
		HttpResponse<String> hostile = Http.get(url("/.well-known/jwks.json"),
				Map.of("X-Request-Id", "<script>alert(1)</script>"));

		assertThat(given.headers().firstValue("X-Request-Id")).hasValue("checkout-42");
		assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying((id) -> assertThat(id).hasSize(36));
		assertThat(hostile.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).doesNotContain("<"));
	}

	@Test
	void allowsNoOtherOriginByDefault() throws Exception {
		HttpRequest preflight = HttpRequest.newBuilder(URI.create(url("/api/auth/login")))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(preflight, HttpResponse.BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
