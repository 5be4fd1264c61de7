package com.artisanmarket.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Open {@code GET /api/me/events} streams of signed-in users, read as a browser's
 * {@code EventSource} reads them: lines, an event dispatched at each blank line. Each
 * stream counts as open once its {@code ready} event arrived; the events that follow are
 * queued with the time they arrived (this machine's clock, which the marketplace's parts
 * share).
 */
final class EventStreams implements AutoCloseable {

	private final HttpClient http;

	private final String gateway;

	private final List<Stream> streams = new CopyOnWriteArrayList<>();

	EventStreams(HttpClient http, String gateway) {
		this.http = http;
		this.gateway = gateway;
	}

	/**
	 * Opens a stream as the user whose token is given; it is not open until
	 * {@link Stream#awaitReady} says so.
	 */
	Stream open(String token) {
		Stream stream = new Stream();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/me/events"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream))
			.whenComplete((response, failure) -> stream.ended());
		this.streams.add(stream);
		return stream;
	}

	/** How many streams said {@code ready} and have not ended since. */
	int open() {
		return (int) this.streams.stream().filter(Stream::isOpen).count();
	}

	@Override
	public void close() {
		this.streams.forEach(Stream::cancel);
		this.streams.clear();
	}

	/** An event as it arrived. */
	record Arrival(String name, String data, long atMillis) {

	}

	static final class Stream implements Flow.Subscriber<String> {

		private final CountDownLatch ready = new CountDownLatch(1);

		private final BlockingQueue<Arrival> events = new LinkedBlockingQueue<>();

		private volatile Flow.Subscription subscription;

		private volatile boolean ended;

		private String name = "message";

		private final StringBuilder data = new StringBuilder();

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			if (line.isEmpty()) {
				dispatch();
			}
			else if (line.startsWith("event:")) {
				this.name = value(line, "event:");
			}
			else if (line.startsWith("data:")) {
				this.data.append(value(line, "data:"));
			}
		}

		private void dispatch() {
			if (this.name.equals("ready")) {
				this.ready.countDown();
			}
			else if (!this.data.isEmpty()) {
				this.events.add(new Arrival(this.name, this.data.toString(), System.currentTimeMillis()));
			}
			this.name = "message";
			this.data.setLength(0);
		}

		private static String value(String line, String field) {
			String value = line.substring(field.length());
			return value.startsWith(" ") ? value.substring(1) : value;
		}

		@Override
		public void onError(Throwable throwable) {
			ended();
		}

		@Override
		public void onComplete() {
			ended();
		}

		void ended() {
			this.ended = true;
		}

		boolean awaitReady(Duration timeout) throws InterruptedException {
			return this.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !this.ended;
		}

		boolean isOpen() {
			return this.ready.getCount() == 0 && !this.ended;
		}

		/** The next event that arrives within the timeout, or null. */
		Arrival next(Duration timeout) throws InterruptedException {
			return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		void cancel() {
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
		}

	}

}
