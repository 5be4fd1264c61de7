package com.artisanmarket.catalog.review;

import java.util.Comparator;
import java.util.Locale;

/** The orders a product's reviews can be listed in; ties go newest first. */
enum ReviewSort {

	NEWEST(Comparator.comparing(Review::createdAt).reversed()),

	RATING_DESC(Comparator.comparingInt(Review::rating).reversed().thenComparing(NEWEST.order)),

	RATING_ASC(Comparator.comparingInt(Review::rating).thenComparing(NEWEST.order));

	private final Comparator<Review> order;

	ReviewSort(Comparator<Review> order) {
		this.order = order;
	}

	Comparator<Review> order() {
		return this.order;
	}

	/** {@code newest}, {@code rating_desc} or {@code rating_asc}. */
	static ReviewSort of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
