package com.artisanmarket.catalog.search;

/**
 * A public listing or search, as the index answers it.
 *
 * @param text words to find (folded, typo-tolerant), or {@code null}
 * @param category a category name, or {@code null}
 * @param country the maker's country, or {@code null}
 * @param craft the maker's craft exactly as a facet names it, or {@code null}
 * @param artisanId one artisan's products, or {@code null}
 * @param currency prices in this currency only, or {@code null}
 * @param minPriceMinor the lowest price in minor units, or {@code null}
 * @param maxPriceMinor the highest price in minor units, or {@code null}
 * @param inStock only products with units available now
 * @param minRating the lowest average rating, or {@code null}
 * @param order the order of the results
 * @param offset how many results to skip
 * @param size how many results to return
 */
public record ListingQuery(String text, String category, String country, String craft, String artisanId,
		String currency, Long minPriceMinor, Long maxPriceMinor, boolean inStock, Double minRating, Order order,
		long offset, int size) {

	/** How results are ordered. */
	public enum Order {

		/** Best match first (BM25), newest first among equals. */
		RELEVANCE,

		NEWEST,

		PRICE_ASC,

		PRICE_DESC,

		/** Best rated first; products without a rating last. */
		RATING

	}

}
