package com.artisanmarket.order.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/orders}.
 *
 * @param items what to buy, 1 to 50 lines
 * @param shippingAddress where to send it
 */
record NewOrder(@NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items,
		@NotNull @Valid ShippingAddress shippingAddress) {

	/**
	 * One thing to buy.
	 *
	 * @param productId the product
	 * @param quantity 1 to 1,000 units
	 */
	record Item(@NotBlank @Size(max = 64) String productId, @NotNull @Min(1) @Max(1000) Integer quantity) {

	}

}
