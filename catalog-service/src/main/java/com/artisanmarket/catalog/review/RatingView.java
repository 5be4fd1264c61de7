package com.artisanmarket.catalog.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stars as the API shows them: the average to one decimal over the visible reviews
 * ({@code null} with none), and how many there are.
 *
 * @param average mean stars, one decimal
 * @param count visible reviews
 */
public record RatingView(BigDecimal average, int count) {

	public static final RatingView NONE = new RatingView(null, 0);

	public static RatingView of(long sum, int count) {
		if (count <= 0) {
			return NONE;
		}
		return new RatingView(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP),
				count);
	}

}
