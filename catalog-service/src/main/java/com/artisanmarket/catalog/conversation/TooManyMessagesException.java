package com.artisanmarket.catalog.conversation;

import java.time.Duration;

/** An account wrote as many messages as it may this minute. */
class TooManyMessagesException extends RuntimeException {

	private final Duration retryAfter;

	TooManyMessagesException(Duration retryAfter) {
		super("You have written many messages in a short time; wait a moment and send it again.");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
