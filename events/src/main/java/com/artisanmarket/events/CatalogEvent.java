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
