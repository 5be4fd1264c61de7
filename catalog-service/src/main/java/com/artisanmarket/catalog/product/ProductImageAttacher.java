package com.artisanmarket.catalog.product;

import java.util.Collection;

import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Adds an uploaded image to a product, for its owner or an admin, up to eight images; and
 * tells the media store whether a product still shows an image.
 */
@Component
public class ProductImageAttacher {

	static final int MAX_IMAGES = 8;

	private final Products products;

	ProductImageAttacher(Products products) {
		this.products = products;
	}

	/**
	 * Fails unless the caller may add an image to this product and it has room for one.
	 * @return the id of the artisan whose product it is, whom the image will belong to
	 */
	public String checkCanAttach(String productId, Caller caller) {
		Product product = this.products.get(productId, caller);
		if (!caller.isOwnerOrAdmin(product.ownerId())) {
			throw new AccessDeniedException("Only the artisan who listed it or an admin may add images.");
		}
		if (product.images().size() >= MAX_IMAGES) {
			throw new ConflictException("A product has at most " + MAX_IMAGES + " images; remove one first.");
		}
		return product.artisanId();
	}

	public void attach(String productId, String url, Caller caller) {
		checkCanAttach(productId, caller);
		if (!this.products.addImage(productId, url, MAX_IMAGES, caller)) {
			throw new ConflictException("A product has at most " + MAX_IMAGES + " images; remove one first.");
		}
	}

	/** Whether any of the products, archived ones too, shows the image. */
	public boolean anyShows(Collection<String> productIds, String image) {
		return this.products.anyShows(productIds, image);
	}

}
