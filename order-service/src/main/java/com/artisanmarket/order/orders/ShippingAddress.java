package com.artisanmarket.order.orders;

import com.artisanmarket.support.validation.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where an order goes.
 *
 * @param fullName the recipient
 * @param line1 street and number
 * @param line2 more, if needed
 * @param city the city
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2
 */
public record ShippingAddress(@Schema(example = "Malika Tursunova") @NotBlank @Size(max = 120) String fullName,
		@Schema(example = "Mustaqillik 5") @NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
		@Schema(example = "Tashkent") @NotBlank @Size(max = 100) String city,
		@Schema(example = "100017") @NotBlank @Size(max = 20) String postalCode,
		@Schema(example = "UZ") @NotNull @CountryCode String country) {

}
