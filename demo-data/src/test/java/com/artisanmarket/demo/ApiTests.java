package com.artisanmarket.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader on a busy machine: a gateway answering 503 while a service is slow must
 * not fail the load, and must not make anything twice. A stand-in gateway answers from a
 * script per path.
 */
class ApiTests {

	private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private HttpServer server;

	private Api api;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		answer("POST /api/auth/login", 200, "{\"accessToken\":\"t\"}");
		this.api = Api.signIn(HttpClient.newHttpClient(), "http://127.0.0.1:" + this.server.getAddress().getPort(),
				"maker@example.com", "secret-password");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void triesAPostAgainAfter503() {
		answer("POST /api/artisans", 503, "{}");
		answer("POST /api/artisans", 201, "{\"id\":\"a-1\"}");

		assertThat(this.api.post("/api/artisans", Map.of("displayName", "Aysel"), 201).path("id").asString())
			.isEqualTo("a-1");
		assertThat(calls("POST /api/artisans")).isEqualTo(2);
	}

	@Test
	void takesA409AfterARetryAsDoneByTheAttemptThatTimedOut() {
		answer("POST /api/artisans", 503, "{}");
		answer("POST /api/artisans", 409, "{\"title\":\"exists\"}");

		assertThat(this.api.post("/api/artisans", Map.of("displayName", "Aysel"), 201)).isNull();
	}

	@Test
	void stillFailsOnA409WithoutARetry() {
		answer("POST /api/artisans", 409, "{\"title\":\"exists\"}");

		Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.api.post("/api/artisans", Map.of("displayName", "Aysel"), 201))
			.withMessageContaining("409");
	}

	@Test
	void uploadsAPictureAgainOnlyIfTheTimedOutUploadWasNotAttached() {
		answer("POST /api/products/p-1/images", 503, "{}");
		answer("GET /api/products/p-1", 200, "{\"images\":[\"/media/0123456789abcdef01234567\"]}");
		answer("POST /api/products/p-2/images", 503, "{}");
		answer("GET /api/products/p-2", 200, "{\"images\":[]}");
		answer("POST /api/products/p-2/images", 201, "{\"images\":[\"/media/0123456789abcdef01234568\"]}");

		this.api.uploadImage("p-1", "bowl.png", new byte[] { 1, 2, 3 });
		JsonNode second = this.api.uploadImage("p-2", "jug.png", new byte[] { 1, 2, 3 });

		assertThat(calls("POST /api/products/p-1/images")).as("attached by the first attempt").isEqualTo(1);
		assertThat(calls("POST /api/products/p-2/images")).isEqualTo(2);
		assertThat(second.path("images")).hasSize(1);
	}

	@Test
	void importsProductsAgainOn503WithTheSameRows() {
		answer("POST /api/products/import", 503, "{}");
		answer("POST /api/products/import", 200, "{\"results\":[{\"outcome\":\"CREATED\",\"productId\":\"p-9\"}]}");

		JsonNode report = this.api.importProducts("key,title\nbowl,Bowl\n");

		assertThat(report.path("results").get(0).path("productId").asString()).isEqualTo("p-9");
		assertThat(calls("POST /api/products/import")).isEqualTo(2);
	}

	@Test
	void writesEachPieceAsOneQuotedCsvRowKeyedByItsTitle() {
		String csv = DemoSeeder.csv(List.of(new DemoSet.Product("Bowl, \"Blue\"", "Thrown by hand,\nglazed twice.",
				"CERAMICS", List.of("clay", "glaze"), List.of("bowl"), "75.00", 4)));

		assertThat(csv).isEqualTo("key,title,description,category,materials,tags,price,currency,stock\n"
				+ "\"bowl-blue\",\"Bowl, \"\"Blue\"\"\",\"Thrown by hand,\nglazed twice.\",\"CERAMICS\",\"clay|glaze\","
				+ "\"bowl\",\"75.00\",\"USD\",\"4\"\n");
	}

	private void answer(String request, int status, String body) {
		this.script.computeIfAbsent(request, (key) -> new ArrayDeque<>()).add(new Answer(status, body));
	}

	private int calls(String request) {
		return this.calls.getOrDefault(request, new AtomicInteger()).get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
		exchange.getRequestBody().readAllBytes();
		this.calls.computeIfAbsent(request, (key) -> new AtomicInteger()).incrementAndGet();
		Deque<Answer> answers = this.script.getOrDefault(request, new ArrayDeque<>());
		Answer answer = (answers.size() > 1) ? answers.poll() : answers.peek();
		if (answer == null) {
			answer = new Answer(404, "{}");
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private record Answer(int status, String body) {
	}

}
