package com.artisanmarket.catalog.product;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code PATCH /api/products/{id}/stock}: the units available from now on.
 *
 * @param stock 0 to 100,000
 */
record StockChange(@Schema(example = "7") @NotNull @Min(0) @Max(100_000) Integer stock) {

}
