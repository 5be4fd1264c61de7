package com.artisanmarket.catalog.review;

/**
 * Where a review stands with moderation. {@code VISIBLE} and {@code REPORTED} reviews are
 * public and count in ratings; {@code HIDDEN} ones only admins and their author see.
 */
public enum ReviewStatus {

	VISIBLE, REPORTED, HIDDEN;

	boolean counts() {
		return this != HIDDEN;
	}

}
