package com.artisanmarket.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's public API as a user's client sees it: through the gateway, signed in
 * with a bearer token that is renewed before it expires.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

	private final HttpClient http;

	private final String gateway;

	private final String email;

	private final String password;

	private volatile String token;

	private volatile Instant signedInAt = Instant.MIN;

	private Api(HttpClient http, String gateway, String email, String password) {
		this.http = http;
		this.gateway = gateway;
		this.email = email;
		this.password = password;
	}

	/** A client for public reads only. */
	static Api anonymous(HttpClient http, String gateway) {
		return new Api(http, gateway, null, null);
	}

	/** Signs up (unless the account exists already) and signs in. */
	static Api signUp(HttpClient http, String gateway, String email, String password, String displayName, String role) {
		Api api = new Api(http, gateway, email, password);
		Response registered = api.send("POST", "/api/auth/register",
				Map.of("email", email, "password", password, "displayName", displayName, "role", role), Map.of());
		if (registered.status() != 201 && registered.status() != 409) {
			throw registered.failure("register " + email);
		}
		api.signIn();
		return api;
	}

	static Api signIn(HttpClient http, String gateway, String email, String password) {
		Api api = new Api(http, gateway, email, password);
		api.signIn();
		return api;
	}

	private void signIn() {
		// Without the old token: the gateway refuses any request carrying an expired one,
		// a sign-in included.
		this.token = null;
		Response login = send("POST", "/api/auth/login", Map.of("email", this.email, "password", this.password),
				Map.of());
		this.token = login.expect(200, "sign in " + this.email).body().path("accessToken").asString();
		this.signedInAt = Instant.now();
	}

	JsonNode get(String path) {
		return retried(() -> call("GET", path, null, Map.of())).last().expect(200, "GET " + path).body();
	}

	/**
	 * A POST, tried again while the gateway answers 503 (a service slow or restarting on
	 * a busy machine). A timed-out attempt may still have been done, so a 409 after a
	 * retry means it was: the answer is then {@code null} and the caller reads what it
	 * needs.
	 */
	JsonNode post(String path, Object body, int expected) {
		Retried answer = retried(() -> call("POST", path, body, Map.of()));
		if (answer.retried() && answer.last().status() == 409) {
			return null;
		}
		return answer.last().expect(expected, "POST " + path).body();
	}

	/** A POST whose answer the caller judges (retried while the gateway answers 503). */
	Response attempt(String path, Object body) {
		return retried(() -> call("POST", path, body, Map.of())).last();
	}

	JsonNode put(String path, Object body) {
		return retried(() -> call("PUT", path, body, Map.of())).last().expect(200, "PUT " + path).body();
	}

	/** A PUT without a body that answers 204, such as keeping a favourite. */
	void put(String path) {
		retried(() -> call("PUT", path, null, Map.of())).last().expect(204, "PUT " + path);
	}

	/**
	 * Lists products from a CSV with a key per row ({@code POST /api/products/import}):
	 * importing the same rows again creates nothing, so it is retried on 503 like a PUT.
	 * @return the import's report
	 */
	JsonNode importProducts(String csv) {
		renewIfDue();
		return retried(
				() -> exchange(authorized(HttpRequest.newBuilder(URI.create(this.gateway + "/api/products/import"))
					.timeout(Duration.ofMinutes(2))).header("Content-Type", "text/csv; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(csv))
					.build()))
			.last()
			.expect(200, "import products")
			.body();
	}

	/**
	 * Books seats at a masterclass with a fresh idempotency key, retrying it with the
	 * same key on 503.
	 */
	JsonNode book(String masterclassId, int seats) {
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Response answer = retried(
				() -> call("POST", "/api/masterclasses/" + masterclassId + "/bookings", Map.of("seats", seats), key))
			.last();
		// 202: still being booked (the class was busy); it settles shortly.
		return ((answer.status() == 202) ? answer : answer.expect(201, "POST /api/masterclasses/{id}/bookings")).body();
	}

	/**
	 * Places an order with a fresh idempotency key, retrying it with the same key on 503.
	 */
	JsonNode placeOrder(Object order) {
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		return retried(() -> call("POST", "/api/orders", order, key)).last().expect(202, "POST /api/orders").body();
	}

	/** Calls again on 503, up to ten times, waiting a second longer each time. */
	private Retried retried(Supplier<Response> call) {
		for (int attempt = 1;; attempt++) {
			Response answer = call.get();
			if (answer.status() != 503 || attempt == 10) {
				return new Retried(answer, attempt > 1);
			}
			pause(attempt);
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(1000L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Uploads a PNG as a product's picture; the catalogue adds it to the product. */
	JsonNode uploadImage(String productId, String fileName, byte[] png) {
		String boundary = "----demo" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] multipart = new byte[head.length + png.length + tail.length];
		System.arraycopy(head, 0, multipart, 0, head.length);
		System.arraycopy(png, 0, multipart, head.length, png.length);
		System.arraycopy(tail, 0, multipart, head.length + png.length, tail.length);
		HttpRequest request = authorized(
				HttpRequest.newBuilder(URI.create(this.gateway + "/api/products/" + productId + "/images")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart))
			.build();
		Response uploaded = exchange(request);
		for (int attempt = 1; uploaded.status() == 503 && attempt < 10; attempt++) {
			pause(attempt);
			// A timed-out upload may have been attached after all: upload again only if
			// not.
			if (!get("/api/products/" + productId).path("images").isEmpty()) {
				return null;
			}
			uploaded = exchange(request);
		}
		return uploaded.expect(201, "upload an image for " + productId).body();
	}

	private Response call(String method, String path, Object body, Map<String, String> headers) {
		renewIfDue();
		return send(method, path, body, headers);
	}

	private void renewIfDue() {
		if (this.email != null && Instant.now().isAfter(this.signedInAt.plus(RENEW_AFTER))) {
			signIn();
		}
	}

	private Response send(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder builder = authorized(HttpRequest.newBuilder(URI.create(this.gateway + path)))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(builder::header);
		if (body == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return exchange(builder.build());
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode body = (text == null || text.isBlank()) ? JSON.nullNode() : JSON.readTree(text);
			return new Response(response.statusCode(), body, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * @param last the last answer
	 * @param retried whether an earlier attempt was answered 503
	 */
	private record Retried(Response last, boolean retried) {
	}

	record Response(int status, JsonNode body, String text) {

		Response expect(int expected, String what) {
			if (this.status != expected) {
				throw failure(what);
			}
			return this;
		}

		IllegalStateException failure(String what) {
			return new IllegalStateException(what + " answered " + this.status + ": " + this.text);
		}

	}

	/** Convenience for building JSON bodies with nulls left out. */
	static Map<String, Object> body(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return map;
	}

	static List<Object> list(Object... items) {
		return new ArrayList<>(List.of(items));
	}

}
