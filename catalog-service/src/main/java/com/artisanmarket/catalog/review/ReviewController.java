package com.artisanmarket.catalog.review;

import java.net.URI;

import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.security.SignedInName;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reviews of products, their answers, reports and moderation. */
@RestController
class ReviewController {

	/**
	 * The name shown for a token without one (only tokens minted outside the gateway).
	 */
	private static final String NAMELESS = "A buyer";

	private final Reviews reviews;

	ReviewController(Reviews reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/api/products/{productId}/reviews")
	@ApiResponse(responseCode = "201", description = "The review, at Location")
	ResponseEntity<ReviewView> publish(@PathVariable String productId, @Valid @RequestBody NewReview review,
			Caller caller) {
		Review written = this.reviews.publish(productId, review, SignedInName.current().orElse(NAMELESS), caller);
		return ResponseEntity.created(URI.create("/api/reviews/" + written.id())).body(ReviewView.of(written, caller));
	}

	@GetMapping("/api/products/{productId}/reviews")
	PageView<ReviewView> list(@PathVariable String productId,
			@RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|rating_desc|rating_asc",
					message = "must be newest, rating_desc or rating_asc") String sort,
			@Valid PageRequest page, Caller caller) {
		return this.reviews.list(productId, ReviewSort.of(sort), page, caller)
			.map((review) -> ReviewView.of(review, caller));
	}

	@GetMapping("/api/reviews/{id}")
	ReviewView get(@PathVariable String id, Caller caller) {
		return ReviewView.of(this.reviews.get(id, caller), caller);
	}

	@PutMapping("/api/reviews/{id}")
	ReviewView edit(@PathVariable String id, @Valid @RequestBody NewReview.Edit edit, Caller caller) {
		return ReviewView.of(this.reviews.edit(id, edit, caller), caller);
	}

	@DeleteMapping("/api/reviews/{id}")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> remove(@PathVariable String id, Caller caller) {
		this.reviews.remove(id, caller);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/reviews/{id}/reply")
	@ApiResponse(responseCode = "201", description = "The review with its answer")
	ResponseEntity<ReviewView> reply(@PathVariable String id, @Valid @RequestBody NewReview.Text reply, Caller caller) {
		Review answered = this.reviews.reply(id, reply.text().strip(), true, caller);
		return ResponseEntity.created(URI.create("/api/reviews/" + id)).body(ReviewView.of(answered, caller));
	}

	@PutMapping("/api/reviews/{id}/reply")
	ReviewView changeReply(@PathVariable String id, @Valid @RequestBody NewReview.Text reply, Caller caller) {
		return ReviewView.of(this.reviews.reply(id, reply.text().strip(), false, caller), caller);
	}

	@PostMapping("/api/reviews/{id}/report")
	@ApiResponse(responseCode = "204", description = "Reported; the admins will look at it")
	ResponseEntity<Void> report(@PathVariable String id, @Valid @RequestBody NewReview.ReportReason report,
			Caller caller) {
		this.reviews.report(id, report.reason().strip(), caller);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/reviews/{id}/moderation")
	ReviewView moderate(@PathVariable String id, @Valid @RequestBody NewReview.Moderation moderation, Caller caller) {
		if (moderation.status() == ReviewStatus.REPORTED) {
			throw new FieldValidationException("status", "must be VISIBLE or HIDDEN");
		}
		return ReviewView.of(this.reviews.moderate(id, moderation.status(), moderation.note(), caller), caller);
	}

	/** The moderation queue: reported reviews first of all. */
	@GetMapping("/api/admin/reviews")
	PageView<ReviewView> queue(@RequestParam(defaultValue = "REPORTED") ReviewStatus status, @Valid PageRequest page,
			Caller caller) {
		return this.reviews.queue(status, page).map((review) -> ReviewView.of(review, caller));
	}

}
