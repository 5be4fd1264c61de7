package com.artisanmarket.catalog.review;

import com.artisanmarket.events.EventRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A buyer's review as posted. The text is kept as plain text: clients show it as text,
 * never as markup.
 *
 * @param rating 1 to 5 stars
 * @param text up to 2,000 characters, may be empty
 * @param orderId the delivered order of the caller's that held the product
 */
record NewReview(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String text,
		@NotBlank @Pattern(regexp = EventRules.ID, message = "must be an order id") String orderId) {

	String textOrEmpty() {
		return (this.text != null) ? this.text.strip() : "";
	}

	/**
	 * The author's change of a review.
	 *
	 * @param rating 1 to 5 stars
	 * @param text up to 2,000 characters, may be empty
	 */
	record Edit(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String text) {

		String textOrEmpty() {
			return (this.text != null) ? this.text.strip() : "";
		}

	}

	/**
	 * An artisan's answer, or a report's reason.
	 *
	 * @param text 1 to 2,000 characters of plain text
	 */
	record Text(@NotBlank @Size(max = 2000) String text) {

	}

	/**
	 * A report of a review.
	 *
	 * @param reason 1 to 500 characters
	 */
	record ReportReason(@NotBlank @Size(max = 500) String reason) {

	}

	/**
	 * An admin's decision on a review.
	 *
	 * @param status {@code VISIBLE} or {@code HIDDEN}
	 * @param note why, up to 500 characters
	 */
	record Moderation(@NotNull ReviewStatus status, @Size(max = 500) String note) {

	}

}
