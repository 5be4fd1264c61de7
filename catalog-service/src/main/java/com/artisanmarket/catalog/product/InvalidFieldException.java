package com.artisanmarket.catalog.product;

import com.artisanmarket.support.web.FieldValidationException;

/**
 * One field of an otherwise valid request is unacceptable (e.g. a currency not accepted).
 */
class InvalidFieldException extends FieldValidationException {

	InvalidFieldException(String field, String message) {
		super(field, message);
	}

}
