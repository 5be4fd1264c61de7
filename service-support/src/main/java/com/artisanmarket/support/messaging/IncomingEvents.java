package com.artisanmarket.support.messaging;

import java.util.Optional;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads consumed records as events. A record of a type this version does not know is
 * skipped (a newer publisher's); a record that is not an event throws
 * {@link com.artisanmarket.events.MalformedEventException}, which the error handler sends
 * to the dead-letter topic without retrying.
 */
public final class IncomingEvents {

	private static final Logger logger = LoggerFactory.getLogger(IncomingEvents.class);

	private IncomingEvents() {
	}

	private static volatile java.util.Set<String> refused = java.util.Set.of();

	/** Event types to fail on purpose ({@code marketplace.events.refuse-types}). */
	static void refuse(java.util.Collection<String> types) {
		refused = java.util.Set.copyOf(types);
		if (!types.isEmpty()) {
			logger.warn("Refusing events of the types {} on purpose (marketplace.events.refuse-types)", types);
		}
	}

	public static Optional<EventEnvelope<MarketplaceEvent>> read(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new com.artisanmarket.events.MalformedEventException("empty record");
		}
		Optional<EventEnvelope<MarketplaceEvent>> envelope = EventJson.read(record.value());
		if (envelope.isPresent() && refused.contains(envelope.get().type())) {
			throw new IllegalStateException("refusing " + envelope.get().type() + " (marketplace.events.refuse-types)");
		}
		if (envelope.isEmpty()) {
			logger.info("Skipping an event of a type this version does not know on {}-{}@{}", record.topic(),
					record.partition(), record.offset());
		}
		return envelope;
	}

}
