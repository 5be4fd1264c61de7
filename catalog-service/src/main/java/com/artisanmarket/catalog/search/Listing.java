package com.artisanmarket.catalog.search;

import java.util.List;

import com.artisanmarket.catalog.product.Product;

/**
 * One page of a listing or search.
 *
 * @param items the page's products, as the index holds them
 * @param total the results on all pages
 * @param facets counts over all the results
 */
public record Listing(List<Product> items, long total, Facets facets) {

}
