package com.artisanmarket.events;

/**
 * A well-formed event that breaks one of its invariants ({@link EventRules}) or does not
 * fit the state of the consumer it reached: a forged or broken event. Applying it would
 * corrupt state (a negative quantity adds stock), and retrying cannot help, so it goes to
 * the dead-letter topic untouched.
 */
public class InvalidEventException extends MalformedEventException {

	private final String eventId;

	private final String type;

	private final String rule;

	public InvalidEventException(String eventId, String type, String rule) {
		super("event " + eventId + " (" + type + ") refused: " + rule);
		this.eventId = eventId;
		this.type = type;
		this.rule = rule;
	}

	public String eventId() {
		return this.eventId;
	}

	public String type() {
		return this.type;
	}

	/** The rule the event broke, in words. */
	public String rule() {
		return this.rule;
	}

}
