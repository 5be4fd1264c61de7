package com.artisanmarket.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSession;

/**
 * A client of a server-sent event stream ({@code text/event-stream}), as a browser's
 * {@code EventSource} reads it: events are dispatched at each blank line with their
 * {@code id}, {@code event} name and {@code data}; comments are skipped.
 */
public final class EventStream implements AutoCloseable {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final InputStream body;

	private EventStream(InputStream body) {
		this.body = body;
		Thread.ofVirtual().name("event-stream").start(this::read);
	}

	/**
	 * Opens a stream.
	 * @throws AssertionError when it is answered with anything but 200 and
	 * {@code text/event-stream}
	 */
	public static EventStream open(String url, Map<String, String> headers) {
		HttpResponse<InputStream> response = send(url, headers);
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
			throw new AssertionError(
					"GET " + url + " answered " + response.statusCode() + " " + type + ": " + readAll(response));
		}
		return new EventStream(response.body());
	}

	/**
	 * How a stream request is answered, without waiting for its (endless) body: an event
	 * stream is closed at once and answered with an empty body; anything else is read
	 * whole.
	 */
	public static HttpResponse<String> answer(String url, Map<String, String> headers) {
		HttpResponse<InputStream> response = send(url, headers);
		boolean events = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
		if (events) {
			try (InputStream stream = response.body()) {
				// Closed unread: the stream would never end.
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return new Answer(response, "");
		}
		return new Answer(response, readAll(response));
	}

	private static HttpResponse<InputStream> send(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.GET();
		headers.forEach(request::header);
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String readAll(HttpResponse<InputStream> response) {
		try (InputStream stream = response.body()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isEmpty()) {
					if (data != null) {
						this.events.add(new Event(id, (name != null) ? name : "message", data.toString()));
					}
					name = null;
					data = null;
					continue;
				}
				if (line.startsWith(":")) {
					continue;
				}
				int colon = line.indexOf(':');
				String field = (colon < 0) ? line : line.substring(0, colon);
				String value = (colon < 0) ? "" : line.substring(colon + 1);
				value = value.startsWith(" ") ? value.substring(1) : value;
				switch (field) {
					case "id" -> id = value;
					case "event" -> name = value;
					case "data" -> data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
					default -> {
						// retry, or a field the format ignores
					}
				}
			}
		}
		catch (IOException ex) {
			// Closed.
		}
	}

	/**
	 * The next event named so, skipping others.
	 * @throws AssertionError when none comes in time
	 */
	public Event next(String name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> skipped = new ArrayList<>();
		while (true) {
			long left = deadline - System.nanoTime();
			Event event;
			try {
				event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (event == null) {
				throw new AssertionError("no '" + name + "' event within " + timeout + "; skipped " + skipped);
			}
			if (event.name().equals(name)) {
				return event;
			}
			skipped.add(event.name() + " " + event.data());
		}
	}

	/** Every event that arrives until none has for {@code quiet}. */
	public List<Event> drain(Duration quiet) {
		List<Event> drained = new ArrayList<>();
		try {
			for (Event event = this.events.poll(quiet.toMillis(),
					TimeUnit.MILLISECONDS); event != null; event = this.events.poll(quiet.toMillis(),
							TimeUnit.MILLISECONDS)) {
				drained.add(event);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return drained;
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

	/** A response whose body was read (or left) by {@link #answer}. */
	private record Answer(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return this.response.statusCode();
		}

		@Override
		public HttpRequest request() {
			return this.response.request();
		}

		@Override
		public Optional<HttpResponse<String>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public HttpHeaders headers() {
			return this.response.headers();
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return this.response.sslSession();
		}

		@Override
		public URI uri() {
			return this.response.uri();
		}

		@Override
		public HttpClient.Version version() {
			return this.response.version();
		}

	}

	/**
	 * One event.
	 *
	 * @param id its id, {@code null} when it has none
	 * @param name its name ({@code message} when unnamed)
	 * @param data its data
	 */
	public record Event(String id, String name, String data) {

	}

}
