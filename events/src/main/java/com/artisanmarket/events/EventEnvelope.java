package com.artisanmarket.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link MarketplaceEvent} with its CloudEvents 1.0 attributes, as it travels over
 * Kafka. Consumers deduplicate on {@link #id()}.
 *
 * @param id unique per event; the same when an event is delivered again
 * @param source the publishing service, e.g. {@code /artisan-service}
 * @param type the event's name, e.g. {@code ArtisanRegistered}
 * @param time when the fact happened
 * @param subject the aggregate id, also the Kafka key
 * @param traceparent the W3C trace context of the request that caused the event, if any
 * (the CloudEvents distributed-tracing extension)
 * @param data the event
 * @param <E> the kind of event
 */
public record EventEnvelope<E extends MarketplaceEvent>(String id, String source, String type, Instant time,
		String subject, String traceparent, E data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String DATA_CONTENT_TYPE = "application/json";

	public EventEnvelope {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Wraps a new event.
	 * @param event the event
	 * @param source the publishing service's name, e.g. {@code artisan-service}
	 * @param time when it happened
	 * @param traceparent the causing request's trace context, or {@code null}
	 * @param <E> the kind of event
	 * @return the envelope with a fresh id
	 */
	public static <E extends MarketplaceEvent> EventEnvelope<E> wrap(E event, String source, Instant time,
			String traceparent) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), "/" + source, EventTypes.typeOf(event), time,
				event.subject(), traceparent, event);
	}

	/** The topic this envelope is published on. */
	public String topic() {
		return EventTypes.topicOf(this.data);
	}

}
