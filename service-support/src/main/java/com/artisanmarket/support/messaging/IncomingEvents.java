package com.artisanmarket.support.messaging;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.EventRules;
import com.artisanmarket.events.InvalidEventException;
import com.artisanmarket.events.MalformedEventException;
import com.artisanmarket.events.MarketplaceEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads consumed records as events. A record of a type this version does not know is
 * skipped (a newer publisher's); a record that is not an event, or an event that breaks
 * one of its invariants ({@link EventRules}, or a consumer's own check through
 * {@link #refuse}), throws {@link com.artisanmarket.events.MalformedEventException},
 * which the error handler sends to the dead-letter topic without retrying, so it is never
 * applied and the partition moves on.
 */
public final class IncomingEvents {

	private static final Logger logger = LoggerFactory.getLogger(IncomingEvents.class);

	private IncomingEvents() {
	}

	private static volatile Set<String> refused = Set.of();

	/** Event types to fail on purpose ({@code marketplace.events.refuse-types}). */
	static void refuse(Collection<String> types) {
		refused = Set.copyOf(types);
		if (!types.isEmpty()) {
			logger.warn("Refusing events of the types {} on purpose (marketplace.events.refuse-types)", types);
		}
	}

	public static Optional<EventEnvelope<MarketplaceEvent>> read(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new MalformedEventException("empty record");
		}
		Optional<EventEnvelope<MarketplaceEvent>> envelope = EventJson.read(record.value());
		if (envelope.isPresent() && refused.contains(envelope.get().type())) {
			throw new IllegalStateException("refusing " + envelope.get().type() + " (marketplace.events.refuse-types)");
		}
		if (envelope.isPresent()) {
			Optional<String> broken = EventRules.brokenRule(envelope.get(), record.topic());
			if (broken.isPresent()) {
				throw refuse(envelope.get(), record, broken.get());
			}
		}
		else {
			logger.info("Skipping an event of a type this version does not know on {}-{}@{}", record.topic(),
					record.partition(), record.offset());
		}
		return envelope;
	}

	/**
	 * Refuses an event that a consumer's own state contradicts (an answer for an order
	 * that does not exist, lines that are not the order's).
	 * @param envelope the event
	 * @param record the record it came in
	 * @param rule the broken rule, in words
	 * @return the exception to throw, which dead-letters the record
	 */
	public static InvalidEventException refuse(EventEnvelope<?> envelope, ConsumerRecord<?, ?> record, String rule) {
		logger.warn("Refusing event {} of type {} from {} on {}-{}@{}, never applied: {}", envelope.id(),
				envelope.type(), envelope.source(), record.topic(), record.partition(), record.offset(), rule);
		return new InvalidEventException(envelope.id(), envelope.type(), rule);
	}

}
