package com.artisanmarket.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotencyKeyTests {

	@Test
	void takesAKeyWithoutItsSurroundingBlanks() {
		assertThat(IdempotencyKey.required("  3f1c-key ", "booking")).isEqualTo("3f1c-key");
		assertThat(IdempotencyKey.required("k".repeat(128), "booking")).hasSize(128);
	}

	@Test
	void refusesAMissingBlankOrTooLongKeyNamingWhatItStandsFor() {
		for (String refused : new String[] { null, "", "   ", "k".repeat(129) }) {
			assertThatExceptionOfType(FieldValidationException.class)
				.isThrownBy(() -> IdempotencyKey.required(refused, "checkout"))
				.withMessageContaining("one new key (e.g. a UUID) per checkout");
		}
	}

}
