package com.artisanmarket.catalog.product;

import java.util.List;

import com.artisanmarket.catalog.search.Facets;
import com.artisanmarket.catalog.search.Listing;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;

/**
 * A page of products as every list is paged (docs/architecture.md, 'Public HTTP
 * contract'), with the facets of all results added.
 *
 * @param items the page's products
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems the products on all pages
 * @param totalPages the number of pages
 * @param facets counts per category, country, craft, price band and stock over all pages
 */
record ProductPage(List<ProductView> items, int page, int size, long totalItems, long totalPages, Facets facets) {

	static ProductPage of(Listing listing, PageRequest request) {
		PageView<ProductView> view = PageView.of(listing.items(), request, listing.total()).map(ProductView::of);
		return new ProductPage(view.items(), view.page(), view.size(), view.totalItems(), view.totalPages(),
				listing.facets());
	}

}
