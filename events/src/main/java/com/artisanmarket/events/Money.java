package com.artisanmarket.events;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An amount in one currency; in JSON {@code {"amount": "12.50", "currency": "AZN"}}, the
 * amount a decimal string so that no client rounds it through a binary float.
 *
 * @param amount the amount, at most two decimals
 * @param currency the ISO 4217 code
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

}
