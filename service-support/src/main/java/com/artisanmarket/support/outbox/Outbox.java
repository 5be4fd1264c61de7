package com.artisanmarket.support.outbox;

import java.time.Clock;
import java.time.Duration;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;

/**
 * Turns events into {@link OutboxEntry outbox entries} to store with the state change,
 * and has them published once the write is done.
 *
 * <pre>{@code
 * Artisan artisan = Artisan.register(..., outbox.entry(new ArtisanRegistered(...)));
 * mongo.insert(artisan);                       // state and event: one write
 * outbox.publishSoon("artisans", artisan.id()); // fast path, off this thread
 * }</pre>
 *
 * Whatever the fast path misses (a crash, a broker that is down) the relay's sweep
 * publishes later; consumers deduplicate on the event id.
 */
public class Outbox {

	/** The document field that holds a document's pending entries, oldest first. */
	public static final String FIELD = "outbox";

	private final String source;

	private final Clock clock;

	private final TraceparentSource traceparents;

	private final OutboxRelay relay;

	Outbox(String source, Clock clock, TraceparentSource traceparents, OutboxRelay relay) {
		this.source = source;
		this.clock = clock;
		this.traceparents = traceparents;
		this.relay = relay;
	}

	/** An entry for an event that happened now, carrying the current request's trace. */
	public OutboxEntry entry(MarketplaceEvent event) {
		EventEnvelope<MarketplaceEvent> envelope = EventEnvelope.wrap(event, this.source, this.clock.instant(),
				this.traceparents.current());
		return new OutboxEntry(envelope.id(), envelope.topic(), envelope.subject(), envelope.type(),
				EventJson.write(envelope), envelope.traceparent(), envelope.time());
	}

	/**
	 * Publishes the entries of a document that was just written, on the relay's thread.
	 * @param collection the document's collection
	 * @param documentId its id
	 */
	public void publishSoon(String collection, Object documentId) {
		this.relay.publishSoon(collection, documentId);
	}

	/**
	 * Waits, up to {@code maxWait}, while {@code limit} or more documents wait to be
	 * published and the relay is publishing. A writer of many documents (an import) calls
	 * it before each batch, so that it cannot outrun the relay: a seed of a million
	 * products listed 2,000 a second while the relay published a few hundred, and the
	 * 800,000 documents it kept track of filled catalog-service's heap. When the broker
	 * is down nothing is waited for: the entries are stored, and the relay publishes them
	 * when it answers again.
	 * @param limit the documents that may wait
	 * @param maxWait the longest wait
	 */
	public void awaitRoom(int limit, Duration maxWait) {
		this.relay.awaitRoom(limit, maxWait);
	}

}
