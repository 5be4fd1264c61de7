package com.artisanmarket.order.orders;

import com.artisanmarket.support.validation.CountryCode;
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
public record ShippingAddress(@NotBlank @Size(max = 120) String fullName, @NotBlank @Size(max = 200) String line1,
		@Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode, @NotNull @CountryCode String country) {

}
