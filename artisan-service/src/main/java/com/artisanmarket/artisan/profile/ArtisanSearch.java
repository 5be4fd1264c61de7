package com.artisanmarket.artisan.profile;

import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.validation.CountryCode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/artisans} filters. Words are matched as quoted regular expressions in
 * MongoDB, whose BSON strings cannot hold a NUL: control characters are refused (400), as
 * no name, craft, city or story holds one.
 *
 * @param country ISO 3166-1 alpha-2
 * @param craft part of the craft, any case
 * @param q words in the name, craft, city or story, any case
 * @param status only artisans in this verification state (the admin's queue asks for
 * {@code PENDING}); suspended ones stay hidden from everyone but admins
 */
record ArtisanSearch(@CountryCode String country,
		@Size(max = 80) @Pattern(regexp = NO_CONTROL_CHARACTERS,
				message = "must not hold control characters") String craft,
		@Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARACTERS,
				message = "must not hold control characters") String q,
		Status status) {

	static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

}
