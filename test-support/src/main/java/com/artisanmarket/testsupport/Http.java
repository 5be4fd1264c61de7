package com.artisanmarket.testsupport;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Plain HTTP calls against a running service or the marketplace, as a browser or script
 * would make.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper json = new ObjectMapper();

	private Http() {
	}

	public static HttpResponse<String> get(String url) {
		return get(url, Map.of());
	}

	public static HttpResponse<String> get(String url, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
	}

	public static HttpResponse<String> postJson(String url, String body) {
		return postJson(url, body, Map.of());
	}

	public static HttpResponse<String> postJson(String url, String body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public static HttpResponse<String> putJson(String url, String body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public static HttpResponse<String> patchJson(String url, String body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public static HttpResponse<String> delete(String url, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
	}

	/** A CSV body, as the studio's import sends it. */
	public static HttpResponse<String> postCsv(String url, String csv, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv)), headers);
	}

	/** A {@code multipart/form-data} upload of one file, as a browser form sends it. */
	public static HttpResponse<String> postFile(String url, String field, String filename, String contentType,
			byte[] content, Map<String, String> headers) {
		String boundary = "----marketplace" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
	}

	/**
	 * A JSON body sent slowly, as a client on a poor connection sends it: the headers at
	 * once, then the body in {@code pieces} pieces, one every {@code pause}. HTTP/1.1
	 * over a plain socket, since {@link HttpClient} sends a body as fast as it can.
	 * @return the answer's status code
	 */
	public static int postJsonSlowly(String url, String body, Map<String, String> headers, int pieces, Duration pause) {
		URI uri = URI.create(url);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
				+ "\r\nConnection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			int sent = 0;
			for (int piece = 1; piece <= pieces; piece++) {
				Thread.sleep(pause);
				int end = bytes.length * piece / pieces;
				out.write(bytes, sent, end - sent);
				out.flush();
				sent = end;
			}
			// "HTTP/1.1 200 OK": the code is the second word of the status line.
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** Writes a value (a map, a list, a record) as JSON. */
	public static String toJson(Object value) {
		return json.writeValueAsString(value);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::header);
		try {
			return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
