package com.artisanmarket.catalog.review;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.support.security.Caller;

/**
 * A review as the API shows it. Who wrote it is shown by the name they signed with, never
 * by their account; {@code moderation} only to admins and the author, its reports only to
 * admins.
 *
 * @param id the review
 * @param productId the product reviewed
 * @param rating 1 to 5 stars
 * @param text plain text
 * @param buyerDisplayName the author's name
 * @param createdAt when written
 * @param updatedAt when last changed
 * @param reply the artisan's answer, if any
 * @param mine whether the caller wrote it
 * @param moderation where it stands with moderation, for admins and the author
 */
record ReviewView(String id, String productId, int rating, String text, String buyerDisplayName, Instant createdAt,
		Instant updatedAt, ReplyView reply, boolean mine, ModerationView moderation) {

	static ReviewView of(Review review, Caller caller) {
		ReplyView reply = (review.reply() != null) ? new ReplyView(review.reply().text(), review.reply().at()) : null;
		ModerationView moderation = null;
		if (caller.isOwnerOrAdmin(review.buyerId())) {
			moderation = new ModerationView(review.status(), review.moderationNote(),
					caller.isAdmin() ? review.reports().stream().map(ReportView::of).toList() : null);
		}
		return new ReviewView(review.id(), Review.productOf(review.id()), review.rating(), review.text(),
				review.buyerDisplayName(), review.createdAt(), review.updatedAt(), reply,
				review.buyerId().equals(caller.accountId()), moderation);
	}

	/**
	 * The artisan's answer.
	 *
	 * @param text plain text
	 * @param at when written
	 */
	record ReplyView(String text, Instant at) {

	}

	/**
	 * @param status {@code VISIBLE}, {@code REPORTED} or {@code HIDDEN}
	 * @param note the admin's note
	 * @param reports each report (admins only)
	 */
	record ModerationView(ReviewStatus status, String note, List<ReportView> reports) {

	}

	/**
	 * @param by the reporting account
	 * @param reason why
	 * @param at when
	 */
	record ReportView(String by, String reason, Instant at) {

		static ReportView of(Review.Report report) {
			return new ReportView(report.by(), report.reason(), report.at());
		}

	}

}
