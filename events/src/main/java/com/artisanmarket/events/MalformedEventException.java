package com.artisanmarket.events;

/**
 * A record that is not a well-formed event: not JSON, not a CloudEvents 1.0 envelope, or
 * data that does not fit its type. Retrying cannot help; it belongs in the dead-letter
 * topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

	public MalformedEventException(String message) {
		super(message);
	}

}
