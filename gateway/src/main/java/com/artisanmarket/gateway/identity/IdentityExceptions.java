package com.artisanmarket.gateway.identity;

import java.time.Duration;

/** Why a sign-up or sign-in was refused. */
final class IdentityExceptions {

	private IdentityExceptions() {
	}

	/** One field of an otherwise well-formed request is unacceptable: 400. */
	static final class InvalidField extends RuntimeException {

		private final String field;

		InvalidField(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

	/**
	 * The email is taken: 409 (only where an admin account is made; sign-ups never say).
	 */
	static final class EmailTaken extends RuntimeException {

		EmailTaken() {
			super("An account with this email exists already. Sign in instead.");
		}

	}

	/** Wrong email or wrong password, deliberately not saying which: 401. */
	static final class BadCredentials extends RuntimeException {

		BadCredentials() {
			super("The email or the password is wrong.");
		}

	}

	/** Too many sign-in attempts or sign-ups: 429. */
	static final class Throttled extends RuntimeException {

		private final Duration retryAfter;

		Throttled(String message, Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
