package com.artisanmarket.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.events.CatalogEvent.ProductArchived;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductUpdated;
import com.artisanmarket.events.Money;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Listing, changing and archiving products. Each change is one single-document write that
 * also appends its event to the product's outbox.
 */
@Service
class Products {

	private static final Logger logger = LoggerFactory.getLogger(Products.class);

	private final MongoOperations mongo;

	private final ProductWrites writes;

	private final Outbox outbox;

	private final ArtisanSnapshots artisans;

	private final CatalogProperties properties;

	private final OwnImages images;

	private final Counter listings;

	private final Clock clock;

	Products(MongoOperations mongo, ProductWrites writes, Outbox outbox, ArtisanSnapshots artisans,
			CatalogProperties properties, OwnImages images, MeterRegistry registry, Clock clock) {
		this.listings = Counter.builder("marketplace.listings.new").description("Products listed").register(registry);
		this.mongo = mongo;
		this.writes = writes;
		this.outbox = outbox;
		this.artisans = artisans;
		this.properties = properties;
		this.images = images;
		this.clock = clock;
		// For copying a maker's details to their products; listings no longer query
		// MongoDB (the search index answers them). Used by real MongoDB; the embedded
		// server accepts and ignores it (docs/architecture.md, 'Known limits of the
		// embedded MongoDB server').
		mongo.indexOps(Product.class).createIndex(new Index("artisanId", Sort.Direction.ASC));
	}

	Product list(NewProduct listing, Caller caller, String bearerToken) {
		return insert(listing, UUID.randomUUID().toString(), null, maker(caller, bearerToken), caller);
	}

	/** The caller's artisan profile, without which nothing can be listed. */
	ArtisanSnapshot maker(Caller caller, String bearerToken) {
		return this.artisans.forOwner(caller.accountId(), bearerToken)
			.orElseThrow(() -> new ConflictException("Create your artisan profile before listing products."));
	}

	/**
	 * Lists a product under the given id, with its {@code ProductListed} in the same
	 * write. An import passes an id derived from the row key, so that a second insert of
	 * the same row fails on the unique {@code _id} instead of creating a duplicate.
	 * @throws org.springframework.dao.DuplicateKeyException if the id is taken
	 */
	Product insert(NewProduct listing, String id, String importKey, ArtisanSnapshot artisan, Caller caller) {
		Product product = newListing(listing, id, importKey, artisan, caller);
		this.writes.insert(product);
		this.listings.increment();
		logger.info("Artisan {} listed product {}", artisan.id(), id);
		return product;
	}

	/**
	 * A new product as {@link #insert} would store it, checked but not stored.
	 * @throws com.artisanmarket.support.web.FieldValidationException for a price or
	 * images that cannot be listed
	 */
	Product newListing(NewProduct listing, String id, String importKey, ArtisanSnapshot artisan, Caller caller) {
		Money price = price(listing);
		this.images.check(listing.images(), artisan.id(), id);
		Instant now = this.clock.instant();
		ProductListed listed = new ProductListed(id, artisan.id(), caller.accountId(), listing.title(),
				listing.category().name(), price, listing.stock(), now);
		return new Product(id, artisan.id(), caller.accountId(), listing.title(), listing.description(),
				listing.category(), listing.materials(), listing.tags(), price, minorUnits(price), listing.stock(),
				listing.images(), ProductStatus.ACTIVE, artisan.displayName(), artisan.city(), artisan.country(),
				artisan.status(), now, now, List.of(), List.of(), List.of(this.outbox.entry(listed)), importKey, 0L,
				null, null);
	}

	/**
	 * Stores new products (from {@link #newListing}) in one write.
	 * @return the ids among them that were already taken, so not stored
	 */
	Set<String> insertAll(List<Product> products, ArtisanSnapshot artisan) {
		if (products.isEmpty()) {
			return Set.of();
		}
		Set<String> taken = this.writes.insertAll(products);
		this.listings.increment(products.size() - taken.size());
		logger.info("Artisan {} listed {} products by import", artisan.id(), products.size() - taken.size());
		return taken;
	}

	/**
	 * What order-service needs to price lines: of the products asked for, the public,
	 * orderable ones; a missing id means unknown or unavailable.
	 */
	List<Product> orderable(Collection<String> ids) {
		return this.mongo.find(new Query(Criteria.where("_id").in(ids)), Product.class)
			.stream()
			.filter(ProductSearch::isPublic)
			.toList();
	}

	/**
	 * A product; an archived one or one of a suspended artisan only for its owner and
	 * admins.
	 */
	Product get(String id, Caller caller) {
		Product product = this.mongo.findById(id, Product.class);
		if (product == null || (!ProductSearch.isPublic(product) && !caller.isOwnerOrAdmin(product.ownerId()))) {
			throw new NotFoundException("product", id);
		}
		return product;
	}

	/**
	 * Replaces a product's details, stock and pictures.
	 * @param expectedVersion the version the owner saw ({@code If-Match}), or
	 * {@code null}
	 */
	Product update(String id, NewProduct listing, Long expectedVersion, Caller caller) {
		Product current = owned(id, caller);
		Money price = price(listing);
		this.images.check(listing.images(), current.artisanId(), id);
		Instant now = this.clock.instant();
		ProductUpdated updated = new ProductUpdated(id, current.artisanId(), current.ownerId(), listing.title(),
				listing.category().name(), price, listing.stock(), now);
		Product changed = this.writes.replace(id, expectedVersion, listing, price, this.outbox.entry(updated), now);
		this.images.replaced(current.images(), changed.images());
		return changed;
	}

	/**
	 * Sets the units available, as after a restock.
	 * @param expectedVersion the version the owner saw ({@code If-Match}): with it, units
	 * an order took since are not overwritten unseen (412)
	 */
	Product changeStock(String id, int stock, Long expectedVersion, Caller caller) {
		Product current = owned(id, caller);
		Instant now = this.clock.instant();
		ProductUpdated updated = new ProductUpdated(id, current.artisanId(), current.ownerId(), current.title(),
				current.category().name(), current.price(), stock, now);
		return this.writes.setStock(id, stock, expectedVersion, this.outbox.entry(updated), now);
	}

	Product archive(String id, Caller caller) {
		Product current = owned(id, caller);
		Instant now = this.clock.instant();
		ProductArchived archived = new ProductArchived(id, current.artisanId(), current.ownerId(), caller.accountId(),
				now);
		return this.writes.archive(id, this.outbox.entry(archived), now);
	}

	/**
	 * Adds an image to a product that has room for one, with a {@code ProductUpdated} in
	 * the same write, so that every instance's search index shows the new picture.
	 * @return whether it was added (false: the product already has {@code maxImages})
	 */
	boolean addImage(String id, String url, int maxImages, Caller caller) {
		Product current = owned(id, caller);
		Instant now = this.clock.instant();
		ProductUpdated updated = new ProductUpdated(id, current.artisanId(), current.ownerId(), current.title(),
				current.category().name(), current.price(), current.stock(), now);
		return this.writes.addImage(id, url, maxImages, this.outbox.entry(updated), now);
	}

	/** Whether any of the products (archived ones too) shows the image. */
	boolean anyShows(Collection<String> productIds, String image) {
		return this.mongo.find(new Query(Criteria.where("_id").in(productIds)), Product.class)
			.stream()
			.anyMatch((product) -> product.images() != null && product.images().contains(image));
	}

	private Product owned(String id, Caller caller) {
		Product product = get(id, caller);
		if (!caller.isOwnerOrAdmin(product.ownerId())) {
			throw new AccessDeniedException("Only the artisan who listed it or an admin may change this product.");
		}
		return product;
	}

	Money price(NewProduct listing) {
		if (!this.properties.currencies().contains(listing.price().currency())) {
			throw new InvalidFieldException("price.currency",
					"must be one of " + new ArrayList<>(new TreeSet<>(this.properties.currencies())));
		}
		return new Money(listing.price().amount().setScale(2), listing.price().currency());
	}

	static long minorUnits(Money price) {
		return price.amount().movePointRight(2).longValueExact();
	}

}
