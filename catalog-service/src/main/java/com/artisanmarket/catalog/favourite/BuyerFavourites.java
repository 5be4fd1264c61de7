package com.artisanmarket.catalog.favourite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One buyer's favourites, so that their page is one read by {@code _id}. The products are
 * folded from the products' favourites ({@link ProductFans}) by version: each mark keeps
 * the version of the product's favourites that set it, taken-off marks included, so an
 * older change arriving late (a redelivered event) changes nothing. Artisans are kept
 * here only. Each write is conditional on {@code version}.
 *
 * @param buyerId the buyer's account
 * @param products every product the buyer marked, in the order of their last change
 * @param artisans the artisans the buyer keeps, oldest first
 * @param version incremented by every write
 */
@Document(BuyerFavourites.COLLECTION)
record BuyerFavourites(@Id String buyerId, List<Mark> products, List<Saved> artisans, long version) {

	static final String COLLECTION = "favourites";

	BuyerFavourites {
		products = (products != null) ? List.copyOf(products) : List.of();
		artisans = (artisans != null) ? List.copyOf(artisans) : List.of();
	}

	static BuyerFavourites none(String buyerId) {
		return new BuyerFavourites(buyerId, List.of(), List.of(), 0);
	}

	Optional<Mark> product(String productId) {
		return this.products.stream().filter((mark) -> mark.id().equals(productId)).findFirst();
	}

	boolean keepsArtisan(String artisanId) {
		return this.artisans.stream().anyMatch((saved) -> saved.id().equals(artisanId));
	}

	/** The products marked now, last marked first. */
	List<Mark> favouriteProducts() {
		return this.products.reversed().stream().filter(Mark::favourite).toList();
	}

	/** With the product's mark replaced by this one, placed last. */
	BuyerFavourites marked(Mark mark) {
		List<Mark> marks = new ArrayList<>(this.products.stream().filter((m) -> !m.id().equals(mark.id())).toList());
		marks.add(mark);
		return new BuyerFavourites(this.buyerId, marks, this.artisans, this.version);
	}

	BuyerFavourites withArtisans(List<Saved> artisans) {
		return new BuyerFavourites(this.buyerId, this.products, artisans, this.version);
	}

	/**
	 * A buyer's mark on a product.
	 *
	 * @param id the product
	 * @param favourite whether it is among the buyer's favourites
	 * @param version the version of the product's favourites that set it
	 * @param at when
	 */
	record Mark(String id, boolean favourite, long version, Instant at) {

	}

	/**
	 * An artisan a buyer keeps.
	 *
	 * @param id the artisan profile
	 * @param at since when
	 */
	record Saved(String id, Instant at) {

	}

}
