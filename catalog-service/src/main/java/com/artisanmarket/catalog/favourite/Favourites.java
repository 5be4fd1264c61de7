package com.artisanmarket.catalog.favourite;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductView;
import com.artisanmarket.catalog.product.ProductWrites;
import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import com.artisanmarket.events.CatalogEvent.ProductFavourited;
import com.artisanmarket.events.CatalogEvent.ProductFavourites;
import com.artisanmarket.events.CatalogEvent.ProductUnfavourited;
import com.artisanmarket.support.data.Contention;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import com.artisanmarket.support.web.ServiceUnavailableException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Buyers' favourite products and artisans. A product's favourites ({@link ProductFans})
 * are the count's one source: marking a product is one write of that document conditional
 * on its version, with {@code ProductFavourited} or {@code ProductUnfavourited} (the
 * count at the new version) in its outbox. The count is then copied to the product, and
 * the mark to the buyer's own document ({@link BuyerFavourites}); both copies are kept by
 * version, so the search feed repeats them from the event should this process stop in
 * between, and a repeat changes nothing. Marking twice is one favourite; taking the mark
 * off twice is none.
 */
@Service
public class Favourites {

	/** Products, and artisans, a buyer may keep. */
	static final int MAX_FAVOURITES = 1_000;

	/** The favourites of a product nobody marked yet. */
	private static final ProductFavourites NONE = new ProductFavourites(0, 0);

	private static final String[] LIST_FIELDS_LEFT_OUT = { "outbox", "reservedBy", "returnedBy" };

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final ProductWrites products;

	private final ArtisanSnapshots artisans;

	private final Clock clock;

	Favourites(MongoOperations mongo, Outbox outbox, ProductWrites products, ArtisanSnapshots artisans, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.products = products;
		this.artisans = artisans;
		this.clock = clock;
	}

	/**
	 * Marks a product that is for sale as one of the buyer's favourites.
	 * @throws NotFoundException no such product for sale
	 * @throws ConflictException the buyer keeps {@value #MAX_FAVOURITES} already
	 */
	void addProduct(String buyerId, String productId) {
		Product product = this.mongo.findById(productId, Product.class);
		if (product == null || !product.isPublic()) {
			throw new NotFoundException("product", productId);
		}
		BuyerFavourites mine = find(buyerId);
		boolean marked = mine.product(productId).map(BuyerFavourites.Mark::favourite).orElse(false);
		if (!marked && mine.favouriteProducts().size() >= MAX_FAVOURITES) {
			throw new ConflictException("You keep " + MAX_FAVOURITES + " favourite products; take some off first.");
		}
		ProductFavourites after = changeFans(product.id(), product, buyerId, true);
		markForBuyer(buyerId, productId, true, after.version(), now());
	}

	/**
	 * Takes a product off the buyer's favourites; nothing to do when it is not on them.
	 */
	void removeProduct(String buyerId, String productId) {
		ProductFavourites after = changeFans(productId, this.mongo.findById(productId, Product.class), buyerId, false);
		if (after.version() > 0) {
			markForBuyer(buyerId, productId, false, after.version(), now());
		}
	}

	/**
	 * Keeps an artisan among the buyer's favourites.
	 * @throws NotFoundException no such artisan, or suspended
	 */
	void addArtisan(String buyerId, String artisanId) {
		this.artisans.findPublic(artisanId).orElseThrow(() -> new NotFoundException("artisan", artisanId));
		changeBuyer(buyerId, (mine) -> {
			if (mine.keepsArtisan(artisanId)) {
				return null;
			}
			if (mine.artisans().size() >= MAX_FAVOURITES) {
				throw new ConflictException("You keep " + MAX_FAVOURITES + " favourite artisans; take some off first.");
			}
			List<BuyerFavourites.Saved> artisans = new ArrayList<>(mine.artisans());
			artisans.add(new BuyerFavourites.Saved(artisanId, now()));
			return mine.withArtisans(artisans);
		});
	}

	/** Takes an artisan off the buyer's favourites; nothing to do when not kept. */
	void removeArtisan(String buyerId, String artisanId) {
		changeBuyer(buyerId,
				(mine) -> mine.keepsArtisan(artisanId)
						? mine.withArtisans(
								mine.artisans().stream().filter((saved) -> !saved.id().equals(artisanId)).toList())
						: null);
	}

	/**
	 * Repeats the copies of a favourite's change that its writer makes, from its event:
	 * the count to the product and the mark to the buyer, each only over an older one.
	 */
	public void copy(FavouriteEvent event) {
		this.products.copyFavourites(event.productId(), event.favourites());
		markForBuyer(event.buyerId(), event.productId(), event instanceof ProductFavourited,
				event.favourites().version(), event.at());
	}

	/**
	 * The buyer's favourite products and artisans, last marked first, each page with
	 * their current views ({@code null} for what is no longer for sale or shown).
	 */
	FavouritesView list(String buyerId, PageRequest page) {
		BuyerFavourites mine = find(buyerId);
		List<BuyerFavourites.Mark> marks = mine.favouriteProducts();
		List<BuyerFavourites.Mark> marksShown = slice(marks, page);
		Map<String, Product> found = new HashMap<>();
		if (!marksShown.isEmpty()) {
			Query query = new Query(
					Criteria.where("_id").in(marksShown.stream().map(BuyerFavourites.Mark::id).toList()));
			query.fields().exclude(LIST_FIELDS_LEFT_OUT);
			this.mongo.find(query, Product.class).forEach((product) -> found.put(product.id(), product));
		}
		List<FavouritesView.FavouriteProduct> products = marksShown.stream()
			.map((mark) -> new FavouritesView.FavouriteProduct(mark.id(), mark.at(),
					Optional.ofNullable(found.get(mark.id()))
						.filter(Product::isPublic)
						.map(ProductView::of)
						.orElse(null)))
			.toList();
		List<BuyerFavourites.Saved> saved = mine.artisans().reversed();
		List<FavouritesView.FavouriteArtisan> artisans = slice(saved, page).stream()
			.map((artisan) -> new FavouritesView.FavouriteArtisan(artisan.id(), artisan.at(),
					shown(artisan.id()).map(FavouritesView.ArtisanCard::of).orElse(null)))
			.toList();
		return new FavouritesView(PageView.of(products, page, marks.size()), PageView.of(artisans, page, saved.size()),
				marks.stream().map(BuyerFavourites.Mark::id).toList(),
				saved.stream().map(BuyerFavourites.Saved::id).toList());
	}

	/**
	 * An artisan as the Favourites page shows them; while artisan-service cannot be asked
	 * about one the read model has not caught up with, shown as not available.
	 */
	private Optional<ArtisanSnapshot> shown(String artisanId) {
		try {
			return this.artisans.findPublic(artisanId);
		}
		catch (ServiceUnavailableException ex) {
			return Optional.empty();
		}
	}

	private static <T> List<T> slice(List<T> all, PageRequest page) {
		int from = (int) Math.min(page.offset(), all.size());
		return all.subList(from, Math.min(from + page.size(), all.size()));
	}

	private BuyerFavourites find(String buyerId) {
		return Optional.ofNullable(this.mongo.findById(buyerId, BuyerFavourites.class))
			.orElseGet(() -> BuyerFavourites.none(buyerId));
	}

	/**
	 * Adds the buyer to the product's favourites or takes them out.
	 * @param product the product, for its first favourite; may be {@code null} when
	 * taking a mark off
	 * @return the product's favourites after it (those it had when there was nothing to
	 * change)
	 */
	private ProductFavourites changeFans(String productId, Product product, String buyerId, boolean favourite) {
		return Contention.retry(() -> {
			ProductFans current = this.mongo.findById(productId, ProductFans.class);
			if (current == null && !favourite) {
				return Optional.of(NONE);
			}
			if (current != null && current.fans().contains(buyerId) == favourite) {
				return Optional.of(current.favourites());
			}
			ProductFans base = (current != null) ? current
					: new ProductFans(productId, product.artisanId(), product.ownerId(), List.of(), 0, 0, List.of());
			ProductFavourites after = new ProductFavourites(base.version() + 1, base.count() + (favourite ? 1 : -1));
			String title = (product != null) ? product.title() : null;
			FavouriteEvent event = favourite
					? new ProductFavourited(productId, base.artisanId(), base.ownerId(), title, buyerId, after, now())
					: new ProductUnfavourited(productId, base.artisanId(), base.ownerId(), title, buyerId, after,
							now());
			if (!writeFans(current, base, buyerId, favourite, after, event)) {
				return Optional.empty();
			}
			this.outbox.publishSoon(ProductFans.COLLECTION, productId);
			this.products.copyFavourites(productId, after);
			return Optional.of(after);
		}, "The favourites of product " + productId + " are changing right now; try again.");
	}

	private boolean writeFans(ProductFans current, ProductFans base, String buyerId, boolean favourite,
			ProductFavourites after, FavouriteEvent event) {
		if (current == null) {
			try {
				this.mongo.insert(new ProductFans(base.productId(), base.artisanId(), base.ownerId(), List.of(buyerId),
						after.count(), after.version(), List.of(this.outbox.entry(event))));
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		Update update = new Update().set("count", after.count())
			.set("version", after.version())
			.push(Outbox.FIELD, this.outbox.entry(event));
		if (favourite) {
			update.push("fans", buyerId);
		}
		else {
			update.pull("fans", buyerId);
		}
		Query unchanged = new Query(Criteria.where("_id").is(base.productId()).and("version").is(base.version()));
		return this.mongo.updateFirst(unchanged, update, ProductFans.class).getModifiedCount() == 1;
	}

	/**
	 * Records the buyer's mark on a product, unless the buyer's document holds one of the
	 * same or a later version of the product's favourites.
	 */
	private void markForBuyer(String buyerId, String productId, boolean favourite, long version, Instant at) {
		changeBuyer(buyerId, (mine) -> {
			Optional<BuyerFavourites.Mark> mark = mine.product(productId);
			if (mark.isPresent() && mark.get().version() >= version) {
				return null;
			}
			return mine.marked(new BuyerFavourites.Mark(productId, favourite, version, at));
		});
	}

	/**
	 * Reads the buyer's favourites, decides the change and writes it conditional on the
	 * version read, again while someone else wrote in between.
	 * @param change the favourites after the change, or {@code null} for none
	 */
	private void changeBuyer(String buyerId, Function<BuyerFavourites, BuyerFavourites> change) {
		Contention.retry(() -> {
			BuyerFavourites current = this.mongo.findById(buyerId, BuyerFavourites.class);
			BuyerFavourites changed = change.apply((current != null) ? current : BuyerFavourites.none(buyerId));
			if (changed == null) {
				return Optional.of(true);
			}
			if (current == null) {
				try {
					this.mongo.insert(new BuyerFavourites(buyerId, changed.products(), changed.artisans(), 1));
					return Optional.of(true);
				}
				catch (DuplicateKeyException ex) {
					return Optional.empty();
				}
			}
			Update update = new Update().set("products", changed.products())
				.set("artisans", changed.artisans())
				.set("version", current.version() + 1);
			Query unchanged = new Query(Criteria.where("_id").is(buyerId).and("version").is(current.version()));
			return (this.mongo.updateFirst(unchanged, update, BuyerFavourites.class).getModifiedCount() == 1)
					? Optional.of(true) : Optional.empty();
		}, "Your favourites are changing right now; try again.");
	}

	private Instant now() {
		return this.clock.instant();
	}

}
