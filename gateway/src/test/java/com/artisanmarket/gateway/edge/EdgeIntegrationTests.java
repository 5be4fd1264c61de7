package com.artisanmarket.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		String password = Files.readString(Path.of("target/test-data/admin-password")).trim();
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

	/**
	 * A client that sends its next request before the gateway has finished with the one
	 * before (pipelining, or a quick client on a kept-alive connection) had the request
	 * that followed a refused one wait forever: Reactor Netty 1.3.6 buffered the refused
	 * request, answered it at once when its turn came and then stopped reading the
	 * connection (reactor-netty issue 4361). Requests are sent on a fresh connection each
	 * round; the socket's timeout stands for a client that gives up on a silent server.
	 */
	@Test
	void keepsReadingAConnectionAfterARefusedRequestThatWaitedItsTurn() throws IOException {
		// Routed to catalog-service (not running here: its fallback answers), so it is
		// answered after a round trip and the next request waits its turn.
		String slow = "GET /api/products HTTP/1.1\r\nHost: gateway\r\n\r\n";
		String refused = "GET /api/x/%2e%2e/products HTTP/1.1\r\nHost: gateway\r\n\r\n";
		String next = "GET /.well-known/jwks.json HTTP/1.1\r\nHost: gateway\r\n\r\n";
		List<String> silent = new ArrayList<>();
		for (int round = 0; round < 20 && silent.size() < 3; round++) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.setSoTimeout(5_000);
				OutputStream out = socket.getOutputStream();
				InputStream in = socket.getInputStream();
				out.write((slow + refused).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(readStatus(in)).as("the listing").isBetween(200, 599);
				assertThat(readStatus(in)).as("the refused request").isEqualTo(400);
				out.write(next.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				try {
					assertThat(readStatus(in)).as("the request after").isEqualTo(200);
				}
				catch (SocketTimeoutException ex) {
					silent.add("round " + round);
				}
			}
		}
		assertThat(silent).as("rounds whose third request got no answer").isEmpty();
	}

	/** Reads one response (Content-Length or chunked) and returns its status. */
	private static int readStatus(InputStream in) throws IOException {
		String head = readHead(in);
		Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(head);
		assertThat(status.find()).as(head).isTrue();
		Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
		if (length.find()) {
			in.readNBytes(Integer.parseInt(length.group(1)));
		}
		else if (head.toLowerCase().contains("transfer-encoding: chunked")) {
			int size;
			do {
				size = Integer.parseInt(readLine(in).trim(), 16);
				in.readNBytes(size + 2);
			}
			while (size > 0);
		}
		return Integer.parseInt(status.group(1));
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			head.append(line).append('\n');
		}
		return head.toString();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("Connection closed after " + line);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
