package com.artisanmarket.support.validation;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {

	private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || COUNTRIES.contains(value);
	}

}
