package com.artisanmarket.artisan.profile;

import java.util.List;

import com.artisanmarket.support.validation.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A profile an artisan registers.
 *
 * @param displayName the shop name buyers see
 * @param craft what they make
 * @param story their story, in their words
 * @param city where the workshop is
 * @param country ISO 3166-1 alpha-2
 * @param languages ISO 639 codes of the languages they speak
 * @param links their own pages (https only)
 */
record NewArtisan(@Schema(example = "Şirvan Looms") @NotBlank @Size(min = 2, max = 80) String displayName,
		@Schema(example = "Carpet weaving") @NotBlank @Size(max = 80) String craft,
		@Schema(example = "Three generations of weavers in Quba.") @Size(max = 4000) String story,
		@Schema(example = "Quba") @NotBlank @Size(max = 80) String city,
		@Schema(example = "AZ") @NotNull @CountryCode String country,
		@Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z]{2,3}",
				message = "must be an ISO 639 language code such as az, uz or en") String> languages,
		@Size(max = 5) List<@NotNull @Size(max = 300) @Pattern(regexp = "https://[^\\s]+",
				message = "must be an https URL") String> links) {

	NewArtisan {
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		links = (links != null) ? List.copyOf(links) : List.of();
	}

}
