package com.artisanmarket.order.orders;

/**
 * The buyer already holds as much as the marketplace lets one buyer hold: 422, naming the
 * limit.
 */
class OrderLimitException extends RuntimeException {

	private final String limit;

	private final int maximum;

	private final int open;

	private final int requested;

	private final String productId;

	OrderLimitException(String message, String limit, int maximum, int open, int requested, String productId) {
		super(message);
		this.limit = limit;
		this.maximum = maximum;
		this.open = open;
		this.requested = requested;
		this.productId = productId;
	}

	/** The setting that refused the order, as named under {@code marketplace.orders}. */
	String limit() {
		return this.limit;
	}

	int maximum() {
		return this.maximum;
	}

	/** What the buyer holds already (units of the product, or orders). */
	int open() {
		return this.open;
	}

	/** What this order adds. */
	int requested() {
		return this.requested;
	}

	/** The product, when the limit is per product. */
	String productId() {
		return this.productId;
	}

}
