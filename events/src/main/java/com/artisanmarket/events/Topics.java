package com.artisanmarket.events;

/**
 * Kafka topics, one per publishing service, keyed by aggregate id so that one aggregate's
 * events stay in order. Never derived from Java class names.
 */
public final class Topics {

	public static final String ARTISAN_EVENTS = "artisan-events";

	public static final String CATALOG_EVENTS = "catalog-events";

	public static final String ORDER_EVENTS = "order-events";

	private static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	/** Where records of {@code topic} go that could not be processed. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
