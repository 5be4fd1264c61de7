package com.artisanmarket.catalog.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One buyer's review of one product, stored inside the product's {@link ProductReviews}.
 *
 * @param id {@code <productId>_<random>}: the product's document is found from it
 * @param buyerId the author's account
 * @param buyerDisplayName the author's name when they wrote it
 * @param orderId the delivered order the buyer named
 * @param rating 1 to 5 stars
 * @param text plain text, never markup
 * @param status where it stands with moderation
 * @param reply the artisan's answer, if any
 * @param reports who reported it and why, once per account
 * @param moderationNote the last admin's note
 * @param createdAt when written
 * @param updatedAt when last changed by its author, a reply or moderation
 */
record Review(String id, String buyerId, String buyerDisplayName, String orderId, int rating, String text,
		ReviewStatus status, Reply reply, List<Report> reports, String moderationNote, Instant createdAt,
		Instant updatedAt) {

	Review {
		reports = (reports != null) ? List.copyOf(reports) : List.of();
	}

	/** The product a review id names. */
	static String productOf(String reviewId) {
		int at = reviewId.lastIndexOf('_');
		return (at > 0) ? reviewId.substring(0, at) : reviewId;
	}

	boolean reportedBy(String accountId) {
		return this.reports.stream().anyMatch((report) -> report.by().equals(accountId));
	}

	Review edited(int rating, String text, Instant now) {
		return new Review(this.id, this.buyerId, this.buyerDisplayName, this.orderId, rating, text, this.status,
				this.reply, this.reports, this.moderationNote, this.createdAt, now);
	}

	Review replied(Reply reply, Instant now) {
		return new Review(this.id, this.buyerId, this.buyerDisplayName, this.orderId, this.rating, this.text,
				this.status, reply, this.reports, this.moderationNote, this.createdAt, now);
	}

	Review reported(Report report) {
		List<Report> all = new ArrayList<>(this.reports);
		all.add(report);
		ReviewStatus next = (this.status == ReviewStatus.VISIBLE) ? ReviewStatus.REPORTED : this.status;
		return new Review(this.id, this.buyerId, this.buyerDisplayName, this.orderId, this.rating, this.text, next,
				this.reply, all, this.moderationNote, this.createdAt, this.updatedAt);
	}

	Review moderated(ReviewStatus status, String note, Instant now) {
		return new Review(this.id, this.buyerId, this.buyerDisplayName, this.orderId, this.rating, this.text, status,
				this.reply, this.reports, note, this.createdAt, now);
	}

	/**
	 * An artisan's answer to a review.
	 *
	 * @param text plain text
	 * @param at when first written
	 * @param updatedAt when last edited
	 */
	record Reply(String text, Instant at, Instant updatedAt) {

	}

	/**
	 * A signed-in user's report of a review.
	 *
	 * @param by the reporting account
	 * @param reason why, in their words
	 * @param at when
	 */
	record Report(String by, String reason, Instant at) {

	}

}
