package com.artisanmarket.catalog.search;

import java.util.List;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.review.RatingView;

/**
 * One page of a listing or search.
 *
 * @param items the page's products, as the index holds them
 * @param ratings the rating of each of them, in the same order
 * @param total the results on all pages
 * @param facets counts over all the results
 */
public record Listing(List<Product> items, List<RatingView> ratings, long total, Facets facets) {

}
