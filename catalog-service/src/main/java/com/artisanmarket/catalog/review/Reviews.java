package com.artisanmarket.catalog.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductWrites;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import com.artisanmarket.events.CatalogEvent.ReviewHidden;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.CatalogEvent.ReviewRemoved;
import com.artisanmarket.events.CatalogEvent.ReviewUpdated;
import com.artisanmarket.support.data.Contention;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reviews of products by the buyers who received them, the artisans' replies, reports and
 * moderation. Every change is read → decided → one write of the product's
 * {@link ProductReviews} conditional on the version it was decided on, carrying the
 * product's new rating and, when the rating or a review's content changed, its event
 * ({@code ReviewPublished}, {@code ReviewUpdated}, {@code ReviewHidden},
 * {@code ReviewRemoved}) in the document's outbox; the rating is then copied to the
 * product (so its reads need no second one), and again by the search feed from the event
 * should this process stop in between. A lost race is decided again: fifty buyers
 * reviewing one piece at once all get their review in, and the rating is that of the
 * reviews stored.
 */
@Service
public class Reviews {

	private static final Logger logger = LoggerFactory.getLogger(Reviews.class);

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Purchases purchases;

	private final ProductWrites products;

	private final Clock clock;

	Reviews(MongoOperations mongo, Outbox outbox, Purchases purchases, ProductWrites products, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.purchases = purchases;
		this.products = products;
		this.clock = clock;
	}

	/**
	 * A buyer's review of a product from a delivered order of theirs.
	 * @throws AccessDeniedException (403) not a buyer of it in that order
	 * @throws ConflictException (409) not delivered yet, or reviewed already
	 */
	Review publish(String productId, NewReview review, String displayName, Caller caller) {
		Product product = this.mongo.findById(productId, Product.class);
		if (product == null || !product.isPublic()) {
			throw new NotFoundException("product", productId);
		}
		this.purchases.checkDelivered(review.orderId(), caller.accountId(), productId);
		String id = productId + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Review written = change(productId, product, (current) -> {
			if (current.byBuyer(caller.accountId()).isPresent()) {
				throw new ConflictException(
						"You have reviewed this product already; edit your review with PUT /api/reviews/{id}.");
			}
			Instant now = now();
			Review added = new Review(id, caller.accountId(), displayName, review.orderId(), review.rating(),
					review.textOrEmpty(), ReviewStatus.VISIBLE, null, List.of(), null, now, now);
			List<Review> reviews = new ArrayList<>(current.reviews());
			reviews.add(added);
			return new Step(reviews, added, ReviewPublished::new);
		});
		logger.info("Buyer {} reviewed product {} ({} stars)", caller.accountId(), productId, review.rating());
		return written;
	}

	/**
	 * A product's reviews, sorted and paged: hidden ones only for admins.
	 * @throws NotFoundException when the caller may not see the product
	 */
	PageView<Review> list(String productId, ReviewSort sort, PageRequest page, Caller caller) {
		Product product = this.mongo.findById(productId, Product.class);
		if (product == null || (!product.isPublic() && !caller.isOwnerOrAdmin(product.ownerId()))) {
			throw new NotFoundException("product", productId);
		}
		ProductReviews stored = this.mongo.findById(productId, ProductReviews.class);
		List<Review> shown = (stored == null) ? List.of()
				: stored.reviews()
					.stream()
					.filter((review) -> review.status().counts() || caller.isAdmin())
					.sorted(sort.order())
					.toList();
		return page(shown, page);
	}

	/** One review, as {@link #visible} lets the caller see it. */
	Review get(String reviewId, Caller caller) {
		return visible(stored(reviewId).flatMap((reviews) -> reviews.find(reviewId)), reviewId, caller);
	}

	/** The author changes their stars or text. */
	Review edit(String reviewId, NewReview.Edit edit, Caller caller) {
		return changeReview(reviewId, caller, (current, review) -> {
			requireAuthor(review, caller, "Only its author may edit a review.");
			return step(current, review.edited(edit.rating(), edit.textOrEmpty(), now()), ReviewUpdated::new);
		});
	}

	/** The author, or an admin, deletes a review. */
	void remove(String reviewId, Caller caller) {
		changeReview(reviewId, caller, (current, review) -> {
			if (!caller.isOwnerOrAdmin(review.buyerId())) {
				throw new AccessDeniedException("Only its author or an admin may delete a review.");
			}
			List<Review> rest = current.reviews().stream().filter((r) -> !r.id().equals(reviewId)).toList();
			return new Step(rest, review, ReviewRemoved::new);
		});
		logger.info("Review {} deleted by {}", reviewId, caller.accountId());
	}

	/**
	 * The product's artisan answers a review: once ({@code first}), then edits the
	 * answer.
	 * @throws ConflictException a first answer when there is one, or an edit when there
	 * is none
	 */
	Review reply(String reviewId, String text, boolean first, Caller caller) {
		return changeReview(reviewId, caller, (current, review) -> {
			if (!caller.isOwnerOrAdmin(current.ownerId())) {
				throw new AccessDeniedException("Only the artisan who sells this product may answer its reviews.");
			}
			if (first && review.reply() != null) {
				throw new ConflictException("This review has an answer already; change it with PUT.");
			}
			if (!first && review.reply() == null) {
				throw new ConflictException("This review has no answer yet; write one with POST.");
			}
			Instant now = now();
			Review.Reply reply = first ? new Review.Reply(text, now, now)
					: new Review.Reply(text, review.reply().at(), now);
			return step(current, review.replied(reply, now), null);
		});
	}

	/** A signed-in user reports a review to the admins, once. */
	void report(String reviewId, String reason, Caller caller) {
		changeReview(reviewId, caller, (current, review) -> {
			if (review.reportedBy(caller.accountId())) {
				throw new ConflictException("You have reported this review already.");
			}
			return step(current, review.reported(new Review.Report(caller.accountId(), reason, now())), null);
		});
		logger.info("Review {} reported by {}", reviewId, caller.accountId());
	}

	/** An admin shows or hides a review; shown again, its reports count as dealt with. */
	Review moderate(String reviewId, ReviewStatus status, String note, Caller caller) {
		Review moderated = changeReview(reviewId, caller, (current, review) -> {
			EventOf event = null;
			if (status == ReviewStatus.HIDDEN && review.status() != ReviewStatus.HIDDEN) {
				event = ReviewHidden::new;
			}
			else if (status == ReviewStatus.VISIBLE && review.status() == ReviewStatus.HIDDEN) {
				event = ReviewPublished::new;
			}
			return step(current, review.moderated(status, note, now()), event);
		});
		logger.info("Review {} is now {} (admin {})", reviewId, status, caller.accountId());
		return moderated;
	}

	/** The reviews in one moderation state, across products, last changed first. */
	PageView<Review> queue(ReviewStatus status, PageRequest page) {
		// An admin's page, not a public read: it may query across the collection.
		List<Review> found = this.mongo
			.find(new Query(Criteria.where("reviews.status").is(status)), ProductReviews.class)
			.stream()
			.flatMap((reviews) -> reviews.reviews().stream())
			.filter((review) -> review.status() == status)
			.sorted(Comparator.comparing(Review::updatedAt).thenComparing(Review::id).reversed())
			.toList();
		return page(found, page);
	}

	private static PageView<Review> page(List<Review> all, PageRequest page) {
		int from = (int) Math.min(page.offset(), all.size());
		int to = Math.min(from + page.size(), all.size());
		return PageView.of(all.subList(from, to), page, all.size());
	}

	private static Review visible(Optional<Review> review, String reviewId, Caller caller) {
		return review.filter((r) -> r.status().counts() || caller.isOwnerOrAdmin(r.buyerId()))
			.orElseThrow(() -> new NotFoundException("review", reviewId));
	}

	private static void requireAuthor(Review review, Caller caller, String message) {
		if (caller.accountId() == null || !caller.accountId().equals(review.buyerId())) {
			throw new AccessDeniedException(message);
		}
	}

	private Optional<ProductReviews> stored(String reviewId) {
		return Optional.ofNullable(this.mongo.findById(Review.productOf(reviewId), ProductReviews.class));
	}

	private Review changeReview(String reviewId, Caller caller, ReviewDecision decision) {
		String productId = Review.productOf(reviewId);
		return change(productId, null, (current) -> {
			Review review = visible(current.find(reviewId), reviewId, caller);
			return decision.decide(current, review);
		});
	}

	private static Step step(ProductReviews current, Review changed, EventOf event) {
		List<Review> reviews = current.reviews()
			.stream()
			.map((review) -> review.id().equals(changed.id()) ? changed : review)
			.toList();
		return new Step(reviews, changed, event);
	}

	/**
	 * Reads a product's reviews, decides the change on them and writes it, again while
	 * someone else changed them in between.
	 * @param product the product, for a first review; {@code null} when there must be
	 * reviews already (404 otherwise)
	 */
	private Review change(String productId, Product product, Decision decision) {
		return Contention.retry(() -> {
			ProductReviews current = this.mongo.findById(productId, ProductReviews.class);
			if (current == null && product == null) {
				throw new NotFoundException("review of product", productId);
			}
			ProductReviews base = (current != null) ? current : new ProductReviews(productId, product.artisanId(),
					product.ownerId(), List.of(), 0, 0, 0, List.of());
			Step step = decision.decide(base);
			long version = base.version() + 1;
			ProductRating rating = ProductReviews.rating(step.reviews(), version);
			if (!write(current, base, step, rating)) {
				return Optional.empty();
			}
			this.outbox.publishSoon(ProductReviews.COLLECTION, productId);
			this.products.copyRating(productId, rating);
			return Optional.of(step.changed());
		}, "The reviews of product " + productId + " are changing right now; try again.");
	}

	private boolean write(ProductReviews current, ProductReviews base, Step step, ProductRating rating) {
		Review changed = step.changed();
		OutboxEntry event = (step.event() != null) ? this.outbox.entry(step.event()
			.of(changed.id(), base.productId(), base.artisanId(), base.ownerId(), changed.rating(), rating, now()))
				: null;
		if (current == null) {
			try {
				this.mongo.insert(new ProductReviews(base.productId(), base.artisanId(), base.ownerId(), step.reviews(),
						rating.count(), rating.sum(), rating.version(), (event != null) ? List.of(event) : List.of()));
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		Update update = new Update().set("reviews", step.reviews())
			.set("ratingCount", rating.count())
			.set("ratingSum", rating.sum())
			.set("version", rating.version());
		if (event != null) {
			update.push(Outbox.FIELD, event);
		}
		Query unchanged = new Query(Criteria.where("_id").is(base.productId()).and("version").is(base.version()));
		return this.mongo.updateFirst(unchanged, update, ProductReviews.class).getModifiedCount() == 1;
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** What a change makes of a product's reviews. */
	private interface Decision {

		Step decide(ProductReviews current);

	}

	/** What a change makes of one review of a product. */
	private interface ReviewDecision {

		Step decide(ProductReviews current, Review review);

	}

	/** The constructor of a review event, e.g. {@code ReviewPublished::new}. */
	private interface EventOf {

		ReviewEvent of(String reviewId, String productId, String artisanId, String ownerId, int rating,
				ProductRating productRating, Instant at);

	}

	/**
	 * A decided change.
	 *
	 * @param reviews the product's reviews after it
	 * @param changed the review changed (or removed)
	 * @param event the event that tells of it, or {@code null} for a change the rating
	 * and the review's content do not see (a reply, a report)
	 */
	private record Step(List<Review> reviews, Review changed, EventOf event) {

	}

}
