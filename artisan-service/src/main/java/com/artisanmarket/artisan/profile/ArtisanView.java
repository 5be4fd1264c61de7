package com.artisanmarket.artisan.profile;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.artisan.stats.Ratings;
import com.artisanmarket.events.ArtisanEvent.Status;

/**
 * An artisan profile as the API shows it, with the rating of all its products' visible
 * reviews; the verification note only to its owner and admins.
 */
record ArtisanView(String id, String ownerId, String displayName, String craft, String story, String city,
		String country, List<String> languages, List<String> links, Status status, String verificationNote,
		Ratings.Rating rating, Instant createdAt, Instant updatedAt, long version) {

	static ArtisanView of(Artisan artisan, boolean privileged, Ratings.Rating rating) {
		return new ArtisanView(artisan.id(), artisan.ownerId(), artisan.displayName(), artisan.craft(), artisan.story(),
				artisan.city(), artisan.country(), artisan.languages(), artisan.links(), artisan.status(),
				privileged ? artisan.verificationNote() : null, rating, artisan.createdAt(), artisan.updatedAt(),
				artisan.version());
	}

}
