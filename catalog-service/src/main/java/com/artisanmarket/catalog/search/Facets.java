package com.artisanmarket.catalog.search;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * How many of all the results (not only the page's) fall into each value of each
 * dimension, so that a storefront can offer them as filters with their numbers.
 *
 * @param category per category
 * @param country per maker's country
 * @param craft per maker's craft
 * @param priceBand per price band (amounts in the product's own currency)
 * @param inStock with units available ({@code true}) or not ({@code false})
 */
public record Facets(List<Count> category, List<Count> country, List<Count> craft, List<PriceBand> priceBand,
		List<Count> inStock) {

	/**
	 * One value and how many results have it.
	 *
	 * @param value the value, as a filter takes it
	 * @param count the results
	 */
	public record Count(String value, long count) {

	}

	/**
	 * A price band, with the bounds the {@code minPrice}/{@code maxPrice} filters take
	 * (decimal strings, as money is written).
	 *
	 * @param value the band's name, e.g. {@code 25-100}
	 * @param min the lowest price in the band
	 * @param max the highest price in the band, {@code null} for the last
	 * @param count the results
	 */
	public record PriceBand(String value, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal min,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal max, long count) {

	}

}
