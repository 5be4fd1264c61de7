package com.artisanmarket.artisan.profile;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.ArtisanEvent.Status;

/**
 * An artisan profile as the API shows it; the verification note only to its owner and
 * admins.
 */
record ArtisanView(String id, String ownerId, String displayName, String craft, String story, String city,
		String country, List<String> languages, List<String> links, Status status, String verificationNote,
		Instant createdAt, Instant updatedAt, long version) {

	static ArtisanView of(Artisan artisan, boolean privileged) {
		return new ArtisanView(artisan.id(), artisan.ownerId(), artisan.displayName(), artisan.craft(), artisan.story(),
				artisan.city(), artisan.country(), artisan.languages(), artisan.links(), artisan.status(),
				privileged ? artisan.verificationNote() : null, artisan.createdAt(), artisan.updatedAt(),
				artisan.version());
	}

}
