package com.artisanmarket.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's public API as the setup uses it: JSON in and out through the gateway,
 * with the caller's bearer token when there is one. Every unexpected status fails the
 * setup with the answer's body, so a broken precondition is reported, not measured.
 * <p>
 * A just-started marketplace on a busy machine can answer a first call with a 5xx (a
 * service still fetching the gateway's signing keys, a circuit not yet closed), so a call
 * that gets a 5xx or no answer is tried again a few times, as a person would; the setup
 * is not measured. Calls the setup repeats find what an earlier attempt made (409, or a
 * product of the same title).
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String gateway;

	private final String token;

	Api(HttpClient http, String gateway, String token) {
		this.http = http;
		this.gateway = gateway;
		this.token = token;
	}

	Api as(String token) {
		return new Api(this.http, this.gateway, token);
	}

	private static final int ATTEMPTS = 4;

	Response send(String method, String path, Object body) {
		return send(method, path, body, Map.of());
	}

	Response send(String method, String path, Object body, Map<String, String> headers) {
		for (int attempt = 1;; attempt++) {
			try {
				Response response = sendOnce(method, path, body, headers);
				if (response.status() < 500 || attempt == ATTEMPTS) {
					return response;
				}
			}
			catch (UncheckedIOException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
			pause(Duration.ofSeconds(attempt));
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private Response sendOnce(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode json = (text == null || text.isBlank()) ? JSON.nullNode() : JSON.readTree(text);
			return new Response(method + " " + path, response.statusCode(), json, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + this.gateway + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted during " + method + " " + path, ex);
		}
	}

	JsonNode get(String path) {
		return send("GET", path, null).expect(200);
	}

	/** Signs in and answers the access token. */
	String signIn(String email, String password) {
		return send("POST", "/api/auth/login", Map.of("email", email, "password", password)).expect(200)
			.path("accessToken")
			.asString();
	}

	/** Signs up unless the account exists already (409), then signs in. */
	String signUp(String email, String password, String displayName, String role) {
		Response registered = send("POST", "/api/auth/register",
				Map.of("email", email, "password", password, "displayName", displayName, "role", role));
		if (registered.status() != 201 && registered.status() != 409) {
			throw registered.failure();
		}
		return signIn(email, password);
	}

	/**
	 * Signs in, or signs up first when there is no such account yet (401); so an account
	 * that exists costs no sign-up attempt.
	 */
	String signInOrUp(String email, String password, String displayName, String role) {
		Response signedIn = send("POST", "/api/auth/login", Map.of("email", email, "password", password));
		if (signedIn.status() == 401) {
			return signUp(email, password, displayName, role);
		}
		return signedIn.expect(200).path("accessToken").asString();
	}

	record Response(String what, int status, JsonNode body, String text) {

		JsonNode expect(int expected) {
			if (this.status != expected) {
				throw failure();
			}
			return this.body;
		}

		IllegalStateException failure() {
			return new IllegalStateException(this.what + " answered " + this.status + ": " + this.text);
		}

	}

}
