package com.artisanmarket.events;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of events: a structured-mode CloudEvents 1.0 envelope whose {@code data}
 * is the event record. Unknown fields are ignored, so that publishers can add fields
 * without breaking consumers; money amounts are decimal strings.
 */
public final class EventJson {

	private static final ObjectMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}

	public static String write(EventEnvelope<?> envelope) {
		ObjectNode json = mapper.createObjectNode();
		json.put("specversion", EventEnvelope.SPEC_VERSION);
		json.put("id", envelope.id());
		json.put("source", envelope.source());
		json.put("type", envelope.type());
		json.put("time", envelope.time().toString());
		json.put("subject", envelope.subject());
		json.put("datacontenttype", EventEnvelope.DATA_CONTENT_TYPE);
		if (envelope.traceparent() != null) {
			json.put("traceparent", envelope.traceparent());
		}
		json.set("data", mapper.valueToTree(envelope.data()));
		return mapper.writeValueAsString(json);
	}

	/**
	 * Reads an envelope.
	 * @param text the record's value
	 * @return the envelope, or empty when its type is one this version does not know (a
	 * newer publisher's), which consumers skip
	 * @throws MalformedEventException when the text is not a well-formed event
	 */
	public static Optional<EventEnvelope<MarketplaceEvent>> read(String text) {
		return read(text, (eventClass) -> true);
	}

	/**
	 * Reads an envelope if its type is one of those wanted; any other is left unread
	 * beyond its envelope, which spares a consumer that acts on a few types the cost of
	 * reading every other event on its topics.
	 * @param text the record's value
	 * @param wanted the event types the consumer acts on
	 * @return the envelope, or empty when its type is not wanted or not known
	 * @throws MalformedEventException when the text is not a well-formed event
	 */
	public static Optional<EventEnvelope<MarketplaceEvent>> read(String text,
			Set<Class<? extends MarketplaceEvent>> wanted) {
		return read(text, wanted::contains);
	}

	private static Optional<EventEnvelope<MarketplaceEvent>> read(String text,
			Predicate<Class<? extends MarketplaceEvent>> wanted) {
		JsonNode json;
		try {
			json = mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (json == null || !json.isObject()) {
			throw new MalformedEventException("not a JSON object");
		}
		if (!EventEnvelope.SPEC_VERSION.equals(json.path("specversion").asString(null))) {
			throw new MalformedEventException("not a CloudEvents 1.0 envelope (specversion missing or other)");
		}
		String type = required(json, "type");
		Optional<Class<? extends MarketplaceEvent>> eventClass = EventTypes.classOf(type);
		if (eventClass.isEmpty() || !wanted.test(eventClass.get())) {
			return Optional.empty();
		}
		try {
			MarketplaceEvent data = mapper.treeToValue(json.required("data"), eventClass.get());
			return Optional.of(new EventEnvelope<>(required(json, "id"), required(json, "source"), type,
					Instant.parse(required(json, "time")), required(json, "subject"),
					json.path("traceparent").asString(null), data));
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException("malformed " + type + ": " + ex.getMessage(), ex);
		}
	}

	private static String required(JsonNode json, String field) {
		String value = json.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw new MalformedEventException("envelope attribute '" + field + "' is missing");
		}
		return value;
	}

}
