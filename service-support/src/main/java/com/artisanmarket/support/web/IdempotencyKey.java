package com.artisanmarket.support.web;

/**
 * The {@code Idempotency-Key} header of a request that creates something (an order, a
 * booking): required, so that a retried request finds what the first one made.
 */
public final class IdempotencyKey {

	/** The longest key accepted. */
	public static final int MAX_LENGTH = 128;

	private IdempotencyKey() {
	}

	/**
	 * @param header the header's value, {@code null} when absent
	 * @param onePer what one key stands for, e.g. "checkout", for the error message
	 * @return the key without surrounding blanks
	 * @throws FieldValidationException (400) absent, blank or longer than
	 * {@value #MAX_LENGTH} characters
	 */
	public static String required(String header, String onePer) {
		if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
			throw new FieldValidationException("Idempotency-Key",
					"the header is required: one new key (e.g. a UUID) per " + onePer + ", at most " + MAX_LENGTH
							+ " characters");
		}
		return header.trim();
	}

}
