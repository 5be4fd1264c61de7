package com.artisanmarket.catalog.product;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A product as an artisan lists or edits it.
 *
 * @param title 3 to 120 characters
 * @param description up to 5,000 characters
 * @param category one of the categories
 * @param materials what it is made of
 * @param tags up to 20 words that help buyers find it
 * @param price the unit price, above zero, at most two decimals, in an allowed currency
 * @param stock units for sale, 0 to 100,000
 * @param images up to 8 pictures uploaded to the artisan's products, as their upload
 * answered them ({@code /media/} and an id); whose they are is checked by
 * {@link OwnImages}
 */
record NewProduct(@Schema(example = "Guba carpet, 2×3 m") @NotBlank @Size(min = 3, max = 120) String title,
		@Schema(example = "Hand-knotted wool, natural dyes.") @Size(max = 5000) String description,
		@NotNull Category category, @Size(max = 20) List<@NotBlank @Size(max = 60) String> materials,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, @NotNull @Valid PriceInput price,
		@Schema(example = "2") @NotNull @Min(0) @Max(100_000) Integer stock,
		@Size(max = 8) List<@NotNull @Pattern(regexp = "/media/[0-9a-f]{24}",
				message = "must be a picture uploaded to the marketplace (/media/…)") String> images) {

	NewProduct {
		materials = (materials != null) ? List.copyOf(materials) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		images = (images != null) ? List.copyOf(images) : List.of();
	}

	/**
	 * A price as sent: {@code {"amount": "12.50", "currency": "AZN"}}.
	 *
	 * @param amount above zero, at most two decimals
	 * @param currency ISO 4217, one the marketplace accepts
	 */
	record PriceInput(
			@Schema(example = "1200.00") @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9,
					fraction = 2) BigDecimal amount,
			@Schema(example = "AZN") @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {

	}

}
