package com.artisanmarket.support.web;

/**
 * A rule that Bean Validation cannot express found a field invalid: answered like a
 * validation failure (400 with {@code errors}).
 */
public class FieldValidationException extends RuntimeException {

	private final String field;

	public FieldValidationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
