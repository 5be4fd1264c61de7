package com.artisanmarket.catalog.masterclass;

/** An idempotency key sent again with another booking request (422). */
class ReusedKeyException extends RuntimeException {

	ReusedKeyException() {
		super("This Idempotency-Key was used for another booking; use a new key for a new booking.");
	}

}
