package com.artisanmarket.artisan.profile;

import com.artisanmarket.events.ArtisanEvent.Status;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin's decision about a profile.
 *
 * @param status PENDING, VERIFIED or SUSPENDED
 * @param note why, shown to the artisan
 */
record VerificationChange(@NotNull Status status,
		@Schema(example = "Workshop visited in Quba") @Size(max = 1000) String note) {

}
