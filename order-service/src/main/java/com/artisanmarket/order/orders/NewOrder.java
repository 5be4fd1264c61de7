package com.artisanmarket.order.orders;

import java.util.List;

import com.artisanmarket.events.EventRules;
import com.artisanmarket.order.pricing.CatalogPricing;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/orders}.
 *
 * @param items what to buy, 1 to 50 lines
 * @param shippingAddress where to send it
 */
record NewOrder(@NotEmpty @Size(max = EventRules.MAX_LINES) List<@NotNull @Valid Item> items,
		@NotNull @Valid ShippingAddress shippingAddress) {

	/**
	 * One thing to buy.
	 *
	 * @param productId the product: only what can be a product id, so that a malformed
	 * one is the caller's 400 and never a failed call to the catalogue
	 * @param quantity 1 to 1,000 units
	 */
	record Item(
			@NotBlank @Pattern(regexp = CatalogPricing.PRODUCT_ID, message = "is not a product id") String productId,
			@Schema(example = "1") @NotNull @Min(1) @Max(EventRules.MAX_QUANTITY) Integer quantity) {

	}

}
