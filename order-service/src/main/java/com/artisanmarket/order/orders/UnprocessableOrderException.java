package com.artisanmarket.order.orders;

import java.util.List;

/**
 * The order is well-formed but cannot be placed (unknown products, mixed currencies, a
 * reused key): 422.
 */
class UnprocessableOrderException extends RuntimeException {

	private final List<LineProblem> lines;

	UnprocessableOrderException(String message, List<LineProblem> lines) {
		super(message);
		this.lines = List.copyOf(lines);
	}

	List<LineProblem> lines() {
		return this.lines;
	}

	/**
	 * Why one line cannot be ordered.
	 *
	 * @param productId the product
	 * @param reason why
	 */
	record LineProblem(String productId, String reason) {

	}

}
