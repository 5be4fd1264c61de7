package com.artisanmarket.events;

import java.time.Instant;
import java.util.List;

/** Events of catalog-service, on {@value Topics#CATALOG_EVENTS}. */
public sealed interface CatalogEvent extends MarketplaceEvent {

	/**
	 * An artisan listed a new product.
	 *
	 * @param productId the product's id
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param title the title
	 * @param category one of the categories listed in docs/architecture.md, 'Public HTTP
	 * contract'
	 * @param price the unit price
	 * @param stock units available
	 * @param listedAt when it was listed
	 */
	record ProductListed(String productId, String artisanId, String ownerId, String title, String category, Money price,
			int stock, Instant listedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.productId;
		}

	}

	/**
	 * A product's details or stock changed.
	 *
	 * @param productId the product's id
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param title the title
	 * @param category the category
	 * @param price the unit price
	 * @param stock units available
	 * @param updatedAt when it changed
	 */
	record ProductUpdated(String productId, String artisanId, String ownerId, String title, String category,
			Money price, int stock, Instant updatedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.productId;
		}

	}

	/**
	 * A product was withdrawn from sale.
	 *
	 * @param productId the product's id
	 * @param artisanId the artisan profile that sold it
	 * @param ownerId the account that listed it
	 * @param archivedBy the account that archived it (the owner or an admin)
	 * @param archivedAt when
	 */
	record ProductArchived(String productId, String artisanId, String ownerId, String archivedBy,
			Instant archivedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.productId;
		}

	}

	/**
	 * Every line of an order is reserved.
	 *
	 * @param orderId the order
	 * @param lines what was taken from each product
	 * @param reservedAt when
	 */
	record StockReserved(String orderId, List<ReservedLine> lines, Instant reservedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.orderId;
		}

	}

	/**
	 * An order could not be reserved; nothing of it is held.
	 *
	 * @param orderId the order
	 * @param lines why each failing line failed
	 * @param failedAt when
	 */
	record StockReservationFailed(String orderId, List<FailedLine> lines, Instant failedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.orderId;
		}

	}

	/**
	 * Stock held for an order is available again (the order was cancelled).
	 *
	 * @param orderId the order
	 * @param lines what went back to each product
	 * @param reason why, e.g. "cancelled by buyer"
	 * @param releasedAt when
	 */
	record StockReleased(String orderId, List<ReservedLine> lines, String reason,
			Instant releasedAt) implements CatalogEvent {

		@Override
		public String subject() {
			return this.orderId;
		}

	}

	/**
	 * A change to one buyer's review of a product, with the product's ratings after it.
	 * Each carries the product's whole rating state at a version, so a consumer folds it
	 * by keeping the highest version it saw per product: redelivered or reordered events
	 * change nothing.
	 */
	sealed interface ReviewEvent extends CatalogEvent {

		String reviewId();

		String productId();

		/** The artisan profile that sells the product. */
		String artisanId();

		/** The account that listed the product. */
		String ownerId();

		/** The stars this review gives, 1 to 5. */
		int rating();

		/** The product's ratings over its visible reviews, after this change. */
		ProductRating productRating();

		@Override
		default String subject() {
			return productId();
		}

	}

	/**
	 * A review became visible: written by a buyer of the product, or shown again by an
	 * admin.
	 *
	 * @param reviewId the review
	 * @param productId the product reviewed
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param rating the review's stars
	 * @param productRating the product's ratings after it
	 * @param at when
	 */
	record ReviewPublished(String reviewId, String productId, String artisanId, String ownerId, int rating,
			ProductRating productRating, Instant at) implements ReviewEvent {

	}

	/**
	 * The author changed a review's stars or text.
	 *
	 * @param reviewId the review
	 * @param productId the product reviewed
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param rating the review's stars now
	 * @param productRating the product's ratings after it
	 * @param at when
	 */
	record ReviewUpdated(String reviewId, String productId, String artisanId, String ownerId, int rating,
			ProductRating productRating, Instant at) implements ReviewEvent {

	}

	/**
	 * An admin hid a review: it no longer counts or shows.
	 *
	 * @param reviewId the review
	 * @param productId the product reviewed
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param rating the review's stars
	 * @param productRating the product's ratings after it
	 * @param at when
	 */
	record ReviewHidden(String reviewId, String productId, String artisanId, String ownerId, int rating,
			ProductRating productRating, Instant at) implements ReviewEvent {

	}

	/**
	 * The author (or an admin) deleted a review.
	 *
	 * @param reviewId the review
	 * @param productId the product reviewed
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param rating the stars it gave
	 * @param productRating the product's ratings after it
	 * @param at when
	 */
	record ReviewRemoved(String reviewId, String productId, String artisanId, String ownerId, int rating,
			ProductRating productRating, Instant at) implements ReviewEvent {

	}

	/**
	 * A buyer marked a product as a favourite, or took the mark off, with the product's
	 * favourite count after it. Each carries the count at a version of the product's
	 * favourites, so a consumer folds it by keeping the highest version it saw per
	 * product, and a buyer's list by keeping, per product, the highest version it saw:
	 * redelivered or reordered events change nothing.
	 */
	sealed interface FavouriteEvent extends CatalogEvent {

		String productId();

		/** The artisan profile that sells the product. */
		String artisanId();

		/** The account that listed the product. */
		String ownerId();

		/** The product's title when it happened. */
		String title();

		/** The buyer who marked it or took the mark off. */
		String buyerId();

		/** The product's favourites after this change. */
		ProductFavourites favourites();

		/** When the buyer made the change. */
		Instant at();

		@Override
		default String subject() {
			return productId();
		}

	}

	/**
	 * A buyer marked a product as a favourite.
	 *
	 * @param productId the product
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param title its title
	 * @param buyerId the buyer
	 * @param favourites the product's favourites after it
	 * @param at when
	 */
	record ProductFavourited(String productId, String artisanId, String ownerId, String title, String buyerId,
			ProductFavourites favourites, Instant at) implements FavouriteEvent {

	}

	/**
	 * A buyer took a product off their favourites.
	 *
	 * @param productId the product
	 * @param artisanId the artisan profile that sells it
	 * @param ownerId the account that listed it
	 * @param title its title
	 * @param buyerId the buyer
	 * @param favourites the product's favourites after it
	 * @param at when
	 */
	record ProductUnfavourited(String productId, String artisanId, String ownerId, String title, String buyerId,
			ProductFavourites favourites, Instant at) implements FavouriteEvent {

	}

	/**
	 * A change of a masterclass booking that the artisan's statistics count: each carries
	 * the booking whole at a version, so a redelivered or reordered one changes nothing.
	 */
	sealed interface BookingEvent extends CatalogEvent {

		/** The booking. */
		String bookingId();

		/** The class booked. */
		String masterclassId();

		/** The artisan profile that teaches it. */
		String artisanId();

		/** The account that owns the class. */
		String ownerId();

		/** The buyer's account. */
		String buyerId();

		/** The class's title. */
		String title();

		/** Seats booked. */
		int seats();

		/** The price of those seats. */
		Money total();

		/** The booking's version after this change, from 1. */
		long version();

		/** When. */
		Instant at();

		@Override
		default String subject() {
			return bookingId();
		}

	}

	/**
	 * A buyer's seats at a masterclass are held for them.
	 *
	 * @param bookingId the booking
	 * @param masterclassId the class
	 * @param artisanId the artisan profile that teaches it
	 * @param ownerId the account that owns the class
	 * @param buyerId the buyer's account
	 * @param title the class's title
	 * @param startsAt when the class starts
	 * @param seats seats booked
	 * @param total their price
	 * @param version the booking's version after it
	 * @param at when
	 */
	record MasterclassBooked(String bookingId, String masterclassId, String artisanId, String ownerId, String buyerId,
			String title, Instant startsAt, int seats, Money total, long version, Instant at) implements BookingEvent {

	}

	/**
	 * A confirmed booking was cancelled, by its buyer or with its class; the seats are
	 * free again.
	 *
	 * @param bookingId the booking
	 * @param masterclassId the class
	 * @param artisanId the artisan profile that teaches it
	 * @param ownerId the account that owns the class
	 * @param buyerId the buyer's account
	 * @param title the class's title
	 * @param seats seats that were booked
	 * @param total their price
	 * @param cancelledBy the account that cancelled it
	 * @param reason why, when the class was cancelled
	 * @param version the booking's version after it
	 * @param at when
	 */
	record MasterclassBookingCancelled(String bookingId, String masterclassId, String artisanId, String ownerId,
			String buyerId, String title, int seats, Money total, String cancelledBy, String reason, long version,
			Instant at) implements BookingEvent {

	}

	/**
	 * A buyer or an artisan wrote in a conversation. The text stays in catalog-service;
	 * the event says who should hear of it.
	 *
	 * @param conversationId the conversation
	 * @param seq the message's number in it, from 1
	 * @param buyerId the buyer's account
	 * @param artisanId the artisan profile asked
	 * @param ownerId the account that owns that profile
	 * @param senderId the account that wrote: the buyer's or the owner's
	 * @param at when
	 */
	record MessagePosted(String conversationId, long seq, String buyerId, String artisanId, String ownerId,
			String senderId, Instant at) implements CatalogEvent {

		@Override
		public String subject() {
			return this.conversationId;
		}

		/** The account the message is for: the participant who did not write it. */
		public String recipientId() {
			return this.senderId.equals(this.buyerId) ? this.ownerId : this.buyerId;
		}

	}

	/**
	 * How many buyers keep a product among their favourites.
	 *
	 * @param version the product's favourites this describes; higher is newer
	 * @param count how many buyers
	 */
	record ProductFavourites(long version, int count) {

	}

	/**
	 * A product's ratings over its visible reviews.
	 *
	 * @param version the product's review state this describes; higher is newer
	 * @param count how many visible reviews
	 * @param sum their stars added up
	 * @param months the same per month the reviews were written in (UTC), oldest first
	 */
	record ProductRating(long version, int count, long sum, List<MonthlyRating> months) {

	}

	/**
	 * Visible reviews written in one month.
	 *
	 * @param month {@code yyyy-MM}
	 * @param count how many
	 * @param sum their stars added up
	 */
	record MonthlyRating(String month, int count, long sum) {

	}

	/**
	 * Units of one product held for an order.
	 *
	 * @param productId the product
	 * @param quantity the units
	 */
	record ReservedLine(String productId, int quantity) {

	}

	/**
	 * A line that could not be reserved.
	 *
	 * @param productId the product
	 * @param requested the units asked for
	 * @param available the units there were
	 * @param reason why
	 */
	record FailedLine(String productId, int requested, int available, FailureReason reason) {

	}

	/** Why a line could not be reserved. */
	enum FailureReason {

		OUT_OF_STOCK, UNKNOWN_PRODUCT, ARCHIVED, ARTISAN_SUSPENDED

	}

}
