package com.artisanmarket.catalog.masterclass;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A masterclass as its artisan schedules or edits it.
 *
 * @param title 3 to 120 characters
 * @param description up to 5,000 characters
 * @param craft the craft taught
 * @param startsAt ISO-8601 with an offset, in the future
 * @param durationMinutes 15 minutes to 12 hours
 * @param timeZone an IANA zone such as {@code Asia/Samarkand}
 * @param format in person or online
 * @param city where; for an online class the artisan's city when left out
 * @param country ISO 3166-1 alpha-2; likewise
 * @param address the place, for a class in person
 * @param languages 1 to 5 ISO 639 codes
 * @param seats 1 to 500
 * @param price per seat
 * @param bookingClosesAt when booking and buyers' cancelling close, at the latest the
 * start; 24 hours before the start when left out (the start itself when that is past)
 */
record NewMasterclass(
		@Schema(example = "Rishtan ceramics: the blue glaze") @NotBlank @Size(min = 3, max = 120) String title,
		@Size(max = 5000) String description, @Schema(example = "ceramics") @NotBlank @Size(max = 60) String craft,
		@Schema(example = "2027-03-14T10:00:00+05:00") @NotNull OffsetDateTime startsAt,
		@Schema(example = "180") @NotNull @Min(15) @Max(720) Integer durationMinutes,
		@Schema(example = "Asia/Samarkand") @NotBlank @Size(max = 64) String timeZone,
		@NotNull Masterclass.Format format, @Size(max = 80) String city,
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
		@Size(max = 300) String address,
		@NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "[a-z]{2,3}",
				message = "must be an ISO 639 code in lower case") String> languages,
		@Schema(example = "12") @NotNull @Min(1) @Max(500) Integer seats, @NotNull @Valid PriceInput price,
		OffsetDateTime bookingClosesAt) {

	/**
	 * A price per seat: {@code {"amount": "45.00", "currency": "UZS"}}.
	 *
	 * @param amount above zero, at most two decimals
	 * @param currency ISO 4217, one the marketplace accepts
	 */
	record PriceInput(
			@Schema(example = "45.00") @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9,
					fraction = 2) BigDecimal amount,
			@Schema(example = "AZN") @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {

	}

}
