package com.artisanmarket.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What became of every order a checkout run placed, as the buyers saw it; written by the
 * Gatling JVM when the run ends and read by the bench. Gatling measures requests; the
 * saga's time is the server's own, from the order's status history.
 *
 * @param orders every order that was accepted (202)
 * @param failedPlacements placements answered otherwise, by status (0 when the request
 * itself failed)
 * @param placements every placement sent, accepted or not
 * @param firstSentAtMillis when the first was sent (epoch ms, this machine's clock)
 * @param lastSentAtMillis when the last was sent
 * @param loadGeneratorCpuSeconds CPU time of the Gatling JVM, which shares the machine
 */
public record CheckoutOutcome(List<Order> orders, Map<Integer, Integer> failedPlacements, int placements,
		long firstSentAtMillis, long lastSentAtMillis, double loadGeneratorCpuSeconds) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static CheckoutOutcome read(Path file) {
		try {
			return JSON.readValue(Files.readString(file), CheckoutOutcome.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no checkout outcome in " + file, ex);
		}
	}

	void write(Path file) {
		try {
			Files.writeString(file, JSON.writeValueAsString(this));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One accepted order.
	 *
	 * @param id the order
	 * @param sentAtMillis when the buyer sent it (epoch ms, this machine's clock)
	 * @param status its status when last seen
	 * @param settledMillis from its {@code PENDING} entry to its first other status in
	 * the status history (server timestamps); null while still pending
	 */
	public record Order(String id, long sentAtMillis, String status, Long settledMillis) {

		/**
		 * The order as an answer of {@code GET /api/orders/{id}} (or of its placement)
		 * shows it.
		 * @param sentAtMillis when the buyer sent it
		 * @param json the answer's body
		 * @return the order
		 */
		public static Order of(long sentAtMillis, String json) {
			JsonNode order = JSON.readTree(json);
			return new Order(order.path("id").asString(), sentAtMillis, order.path("status").asString(),
					settledMillis(order));
		}

		/**
		 * From the {@code PENDING} entry of the status history to the first entry after
		 * it.
		 */
		private static Long settledMillis(JsonNode order) {
			Instant placed = null;
			for (JsonNode change : order.path("statusHistory")) {
				Instant at = Instant.parse(change.path("at").asString());
				if (placed == null && "PENDING".equals(change.path("status").asString())) {
					placed = at;
				}
				else if (placed != null) {
					return Duration.between(placed, at).toMillis();
				}
			}
			return null;
		}

		public boolean reachedFinalStatus() {
			return !"PENDING".equals(this.status);
		}

	}

}
