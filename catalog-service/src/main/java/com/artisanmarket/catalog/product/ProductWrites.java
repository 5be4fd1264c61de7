package com.artisanmarket.catalog.product;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ProductRating;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PreconditionFailedException;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The only writer of the product document, so that its field names and its rules live in
 * one place: every write that changes what a product shows, its stock included,
 * increments {@code version}, the product's {@code ETag}; each product changes in one
 * single-document update, with its event in the same write when it has one. Stock moves
 * two ways: an owner sets it (a restock), and orders take and give back units with
 * conditional updates under per-order markers ({@code catalog.stock.Reservations} says
 * how). An owner who names the version they saw cannot overwrite units an order took
 * meanwhile.
 */
@Component
public class ProductWrites {

	private static final String VERSION = "version";

	private static final String STOCK = "stock";

	private static final String RESERVED_BY = "reservedBy";

	private static final String RESERVED_BY_ORDER = RESERVED_BY + ".orderId";

	private static final String RETURNED_BY = "returnedBy";

	private final MongoOperations mongo;

	private final Outbox outbox;

	ProductWrites(MongoOperations mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/**
	 * Stores a new product, whose outbox holds its {@code ProductListed}.
	 * @throws org.springframework.dao.DuplicateKeyException if the id is taken
	 */
	void insert(Product product) {
		this.mongo.insert(product);
		this.outbox.publishSoon(Product.COLLECTION, product.id());
	}

	/**
	 * Stores new products in one unordered bulk write, each with its
	 * {@code ProductListed} in its outbox: each document is still written whole or not at
	 * all.
	 * @return the ids that were already taken (a concurrent import of the same rows),
	 * whose products were not stored
	 */
	Set<String> insertAll(List<Product> products) {
		Set<String> taken = new HashSet<>();
		BulkOperationException failure = null;
		try {
			this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Product.class).insert(products).execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					failure = ex;
				}
				taken.add(products.get(error.getIndex()).id());
			}
		}
		for (Product product : products) {
			if (!taken.contains(product.id())) {
				this.outbox.publishSoon(Product.COLLECTION, product.id());
			}
		}
		if (failure != null) {
			throw failure;
		}
		return taken;
	}

	/** An owner's new details, stock and pictures. */
	Product replace(String id, Long expectedVersion, NewProduct listing, Money price, OutboxEntry event, Instant now) {
		Update details = new Update().set("title", listing.title())
			.set("description", listing.description())
			.set("category", listing.category())
			.set("materials", listing.materials())
			.set("tags", listing.tags())
			.set("price", price)
			.set("priceMinor", Products.minorUnits(price))
			.set(STOCK, listing.stock())
			.set("images", listing.images());
		return change(id, expectedVersion, details, event, now);
	}

	/** An owner sets the units available (a restock). */
	Product setStock(String id, int stock, Long expectedVersion, OutboxEntry event, Instant now) {
		return change(id, expectedVersion, new Update().set(STOCK, stock), event, now);
	}

	Product archive(String id, OutboxEntry event, Instant now) {
		return change(id, null, new Update().set("status", ProductStatus.ARCHIVED), event, now);
	}

	/**
	 * Applies an owner's change with its event.
	 * @param expectedVersion the version the change was made against, or {@code null} to
	 * change whatever is there
	 * @return the product as changed
	 * @throws PreconditionFailedException if the product is no longer at
	 * {@code expectedVersion}
	 */
	private Product change(String id, Long expectedVersion, Update change, OutboxEntry event, Instant now) {
		Criteria product = Criteria.where("_id").is(id);
		if (expectedVersion != null) {
			// Products stored before versions were kept have none: they are at version 0.
			product = (expectedVersion == 0) ? product.and(VERSION).in(0L, null)
					: product.and(VERSION).is(expectedVersion);
		}
		change.set("updatedAt", now).inc(VERSION, 1).push(Outbox.FIELD, event);
		Product changed = this.mongo.findAndModify(new Query(product), change,
				FindAndModifyOptions.options().returnNew(true), Product.class);
		if (changed == null) {
			if (expectedVersion != null && this.mongo.exists(new Query(Criteria.where("_id").is(id)), Product.class)) {
				throw new PreconditionFailedException("Product " + id + " changed since version " + expectedVersion
						+ " (an order may have taken units); reload it and try again.");
			}
			throw new NotFoundException("product", id);
		}
		this.outbox.publishSoon(Product.COLLECTION, id);
		return changed;
	}

	/**
	 * Adds a picture to a product that shows fewer than {@code maxImages}.
	 * @return whether it was added
	 */
	boolean addImage(String id, String url, int maxImages, OutboxEntry event, Instant now) {
		Query withRoom = new Query(Criteria.where("_id").is(id).and("images." + (maxImages - 1)).exists(false));
		Update add = new Update().push("images", url).set("updatedAt", now).inc(VERSION, 1).push(Outbox.FIELD, event);
		if (this.mongo.updateFirst(withRoom, add, Product.class).getModifiedCount() == 0) {
			return false;
		}
		this.outbox.publishSoon(Product.COLLECTION, id);
		return true;
	}

	/**
	 * Copies a product's rating from its reviews, unless the product holds one of the
	 * same or a later version: repeating it, or copying an older one late, changes
	 * nothing. Not a change of {@code version} (the owner's {@code If-Match}).
	 */
	public void copyRating(String productId, ProductRating rating) {
		Query older = new Query(Criteria.where("_id")
			.is(productId)
			.orOperator(Criteria.where("rating.version").lt(rating.version()), Criteria.where("rating").exists(false)));
		this.mongo.updateFirst(older,
				new Update().set("rating", new Product.Rating(rating.count(), rating.sum(), rating.version())),
				Product.class);
	}

	/**
	 * Copies how many buyers keep a product among their favourites, unless the product
	 * holds a count of the same or a later version; like {@link #copyRating}.
	 */
	public void copyFavourites(String productId, ProductFavourites favourites) {
		Query older = new Query(Criteria.where("_id")
			.is(productId)
			.orOperator(Criteria.where("favourites.version").lt(favourites.version()),
					Criteria.where("favourites").exists(false)));
		this.mongo.updateFirst(older,
				new Update().set("favourites", new Product.Favourites(favourites.count(), favourites.version())),
				Product.class);
	}

	/** Copies a maker's public details to each of their products. */
	void copyMaker(ArtisanSnapshot artisan) {
		Update update = new Update().set("artisanName", artisan.displayName())
			.set("artisanCity", artisan.city())
			.set("artisanCountry", artisan.country())
			.set("artisanStatus", artisan.status())
			.inc(VERSION, 1);
		this.mongo.updateMulti(new Query(Criteria.where("artisanId").is(artisan.id())), update, Product.class);
	}

	/**
	 * Takes an order's units from a product that is for sale, has them, and is not marked
	 * as taking them for this order already; marks it.
	 * @return whether this call took them
	 */
	public boolean take(String productId, String orderId, int quantity) {
		Query available = new Query(Criteria.where("_id")
			.is(productId)
			.and("status")
			.is(ProductStatus.ACTIVE)
			.and("artisanStatus")
			.ne(ArtisanEvent.Status.SUSPENDED)
			.and(STOCK)
			.gte(quantity)
			.and(RESERVED_BY_ORDER)
			.ne(orderId));
		Update hold = new Update().inc(STOCK, -quantity)
			.inc(VERSION, 1)
			.push(RESERVED_BY, new Product.Held(orderId, quantity));
		return this.mongo.updateFirst(available, hold, Product.class).getModifiedCount() == 1;
	}

	/**
	 * Gives an order's units back if the product is marked as taking them for it, and
	 * takes the mark out; a no-op otherwise, so safe to repeat.
	 */
	public void giveBackTaking(String productId, String orderId, int quantity) {
		Query held = new Query(Criteria.where("_id").is(productId).and(RESERVED_BY_ORDER).is(orderId));
		Update back = new Update().inc(STOCK, quantity)
			.inc(VERSION, 1)
			.pull(RESERVED_BY, new Document("orderId", orderId));
		this.mongo.updateFirst(held, back, Product.class);
	}

	/**
	 * Gives back the units of a finished reservation, once: under a {@code returnedBy}
	 * mark, so that a release repeated after a crash does not give them back twice.
	 */
	public void giveBackReserved(String productId, String orderId, int quantity) {
		Query notYet = new Query(Criteria.where("_id").is(productId).and(RETURNED_BY).ne(orderId));
		Update back = new Update().inc(STOCK, quantity).inc(VERSION, 1).push(RETURNED_BY, orderId);
		this.mongo.updateFirst(notYet, back, Product.class);
	}

	/**
	 * Takes out the mark of an order that took units, once its reservation records it.
	 */
	public void unmarkTaken(String productId, String orderId) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(productId)),
				new Update().pull(RESERVED_BY, new Document("orderId", orderId)), Product.class);
	}

	/**
	 * Takes out the mark of an order that gave units back, once its reservation records
	 * it.
	 */
	public void unmarkReturned(String productId, String orderId) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(productId)), new Update().pull(RETURNED_BY, orderId),
				Product.class);
	}

}
