package com.artisanmarket.bench.resources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The work the services still owe: events in their outboxes not yet acknowledged by the
 * broker ({@code marketplace_outbox_backlog}) plus records their consumer groups have yet
 * to process ({@code marketplace_consumer_lag}), summed over the services from each one's
 * {@code /actuator/prometheus}. Each service computes these at most every 2 s (and the
 * outbox count scans its collections on the embedded MongoDB), so this is asked only
 * after a step, not during it.
 */
public final class Backlog {

	private final HttpClient http;

	private final List<String> services;

	/**
	 * @param http the client
	 * @param services base URLs of the services that have an outbox or consume events
	 */
	public Backlog(HttpClient http, List<String> services) {
		this.http = http;
		this.services = services;
	}

	/**
	 * The sum now, or empty when a service did not answer or did not know (Kafka down).
	 */
	public OptionalLong total() {
		long total = 0;
		for (String service : this.services) {
			OptionalLong owed = owed(service);
			if (owed.isEmpty()) {
				return owed;
			}
			total += owed.getAsLong();
		}
		return OptionalLong.of(total);
	}

	private OptionalLong owed(String service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? sum(response.body()) : OptionalLong.empty();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
	}

	static OptionalLong sum(String metrics) {
		double sum = 0;
		for (String line : metrics.lines().toList()) {
			if (line.startsWith("marketplace_outbox_backlog") || line.startsWith("marketplace_consumer_lag")) {
				double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				if (Double.isNaN(value)) {
					return OptionalLong.empty();
				}
				sum += value;
			}
		}
		return OptionalLong.of(Math.round(sum));
	}

}
