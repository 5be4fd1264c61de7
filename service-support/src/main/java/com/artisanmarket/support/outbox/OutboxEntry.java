package com.artisanmarket.support.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change it reports
 * (field {@value Outbox#FIELD}), so that the change and the event are one single-document
 * write: either both are stored or neither is.
 *
 * @param eventId the envelope's id, which consumers deduplicate on
 * @param topic the topic to publish on
 * @param key the Kafka key (the aggregate id)
 * @param type the event's type name, for logs and metrics
 * @param payload the envelope as JSON
 * @param traceparent the W3C trace context of the request that caused the event, if any
 * @param createdAt when the entry was written
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload, String traceparent,
		Instant createdAt) {

}
