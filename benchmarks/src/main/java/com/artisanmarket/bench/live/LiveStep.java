package com.artisanmarket.bench.live;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.bench.report.Percentiles;
import com.artisanmarket.bench.resources.Parts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates under load: holds many open event streams on the gateway, as signed-in
 * pages hold them, reports the gateway's resident memory before and with them, and
 * meanwhile measures how long an order's change of status takes to reach its buyer's open
 * stream: from the time order-service wrote the status (its status history) to the
 * arrival of the {@code order-status} event, and from the placement to that arrival.
 * Orders are placed one at a time, each after the last one's final status arrived, by the
 * pool's buyers in turn.
 */
public final class LiveStep {

	/** The gateway's default {@code marketplace.live.max-streams-per-account}. */
	public static final int STREAMS_PER_ACCOUNT = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration READY_WITHIN = Duration.ofSeconds(60);

	private static final Duration ARRIVAL_WITHIN = Duration.ofSeconds(10);

	private static final int OPENED_AT_ONCE = 100;

	private final String gateway;

	private final Parts parts;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public LiveStep(String gateway, Parts parts, PrintStream out) {
		this.gateway = gateway;
		this.parts = parts;
		this.out = out;
	}

	/**
	 * @param streams how many streams to hold open besides the buyers'
	 * @param listenerTokens accounts to hold them ({@link #STREAMS_PER_ACCOUNT} each)
	 * @param buyerTokens the buyers who place the orders, in turn (each with a stream of
	 * its own): the marketplace caps what one buyer may hold unshipped
	 * @param productIds what they order, in turn
	 * @param orders how many orders to follow
	 * @return what was measured
	 */
	public Result run(int streams, List<String> listenerTokens, List<String> buyerTokens, List<String> productIds,
			int orders) throws InterruptedException {
		long residentBefore = this.parts.residentKib("gateway").orElse(-1);
		try (EventStreams open = new EventStreams(HttpClient.newHttpClient(), this.gateway)) {
			Instant opening = Instant.now();
			for (int first = 0; first < streams; first += OPENED_AT_ONCE) {
				List<EventStreams.Stream> batch = new ArrayList<>();
				for (int i = first; i < Math.min(streams, first + OPENED_AT_ONCE); i++) {
					batch.add(open.open(listenerTokens.get(i / STREAMS_PER_ACCOUNT)));
				}
				for (EventStreams.Stream stream : batch) {
					stream.awaitReady(READY_WITHIN);
				}
			}
			int opened = open.open();
			long openingMillis = Duration.between(opening, Instant.now()).toMillis();
			this.out.printf("  %,d of %,d streams open after %,d ms%n", opened, streams, openingMillis);

			int buyers = Math.min(orders, buyerTokens.size());
			List<EventStreams.Stream> buyerStreams = new ArrayList<>();
			for (String buyerToken : buyerTokens.subList(0, buyers)) {
				EventStreams.Stream buyerStream = open.open(buyerToken);
				if (!buyerStream.awaitReady(READY_WITHIN)) {
					throw new IllegalStateException("a buyer's stream did not open");
				}
				buyerStreams.add(buyerStream);
			}
			List<Long> fromStatus = new ArrayList<>();
			List<Long> fromPlacement = new ArrayList<>();
			int missed = 0;
			for (int i = 0; i < orders; i++) {
				String buyerToken = buyerTokens.get(i % buyers);
				long placedAt = System.currentTimeMillis();
				String orderId = place(buyerToken, productIds.get((i / buyers) % productIds.size()));
				EventStreams.Arrival arrival = finalStatus(buyerStreams.get(i % buyers), orderId);
				if (arrival == null) {
					missed++;
					continue;
				}
				Instant written = statusWrittenAt(buyerToken, orderId, status(arrival));
				fromStatus.add(arrival.atMillis() - written.toEpochMilli());
				fromPlacement.add(arrival.atMillis() - placedAt);
			}
			int stillOpen = open.open() - buyers;
			long residentOpen = this.parts.residentKib("gateway").orElse(-1);
			Result result = new Result(streams, opened, stillOpen, openingMillis, residentBefore, residentOpen, orders,
					missed, Percentiles.of(fromStatus), Percentiles.of(fromPlacement));
			this.out.printf(
					"  status written -> on its buyer's stream, p50/p95/p99 %s ms; placed -> on the stream %s ms;"
							+ " %d of %d orders' final status missed%n",
					result.fromStatusMillis().text(), result.fromPlacementMillis().text(), missed, orders);
			this.out.printf("  gateway resident: %,d KiB before, %,d KiB with %,d streams open%n", residentBefore,
					residentOpen, stillOpen);
			return result;
		}
	}

	private String place(String token, String productId) throws InterruptedException {
		Map<String, Object> order = Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)),
				"shippingAddress", Map.of("fullName", "Bench Buyer", "line1", "1 Load Street", "city", "Baku",
						"postalCode", "AZ1000", "country", "AZ"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/orders"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order)))
			.build();
		JsonNode placed = send(request, 202);
		return placed.path("id").asString();
	}

	/** The order's first status after {@code PENDING} on the stream, or null. */
	private static EventStreams.Arrival finalStatus(EventStreams.Stream stream, String orderId)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(ARRIVAL_WITHIN);
		while (Instant.now().isBefore(deadline)) {
			EventStreams.Arrival arrival = stream.next(Duration.between(Instant.now(), deadline));
			if (arrival != null && arrival.name().equals("order-status")
					&& orderId.equals(JSON.readTree(arrival.data()).path("orderId").asString())
					&& !status(arrival).equals("PENDING")) {
				return arrival;
			}
		}
		return null;
	}

	private static String status(EventStreams.Arrival arrival) {
		return JSON.readTree(arrival.data()).path("status").asString();
	}

	/** When order-service wrote the status, from the order's status history. */
	private Instant statusWrittenAt(String token, String orderId, String status) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/orders/" + orderId))
			.header("Authorization", "Bearer " + token)
			.build();
		for (JsonNode change : send(request, 200).path("statusHistory")) {
			if (status.equals(change.path("status").asString())) {
				return Instant.parse(change.path("at").asString());
			}
		}
		throw new IllegalStateException("order " + orderId + " has no " + status + " in its status history");
	}

	private JsonNode send(HttpRequest request, int expected) throws InterruptedException {
		try {
			HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != expected) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ answer.statusCode() + ": " + answer.body());
			}
			return JSON.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
	}

	/**
	 * What the step measured.
	 *
	 * @param streamsAsked the streams it tried to open besides the buyers'
	 * @param streamsOpened those that said {@code ready}
	 * @param streamsOpenAtEnd those still open when the orders were done
	 * @param openingMillis how long opening them took
	 * @param gatewayResidentKibBefore the gateway's resident memory before (KiB; -1 when
	 * it is not on this machine)
	 * @param gatewayResidentKibOpen the same with the streams open
	 * @param orders orders placed one at a time
	 * @param missed orders whose final status did not arrive within 10 s
	 * @param fromStatusMillis from order-service writing the status to its arrival
	 * @param fromPlacementMillis from sending the order to its final status's arrival
	 */
	public record Result(int streamsAsked, int streamsOpened, int streamsOpenAtEnd, long openingMillis,
			long gatewayResidentKibBefore, long gatewayResidentKibOpen, int orders, int missed,
			Percentiles fromStatusMillis, Percentiles fromPlacementMillis) {

		/** The gateway's resident memory per open stream, KiB (0 without streams). */
		public double kibPerStream() {
			return (this.streamsOpenAtEnd == 0 || this.gatewayResidentKibBefore < 0) ? 0
					: (this.gatewayResidentKibOpen - this.gatewayResidentKibBefore) / (double) this.streamsOpenAtEnd;
		}

	}

}
