package com.artisanmarket.artisan.profile;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.web.IfMatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An artisan's profile, their shop window, as stored: with the outbox entries of the
 * events its changes caused, until the relay has published them. {@code version} grows
 * with every change and is the profile's {@code ETag}.
 */
@Document(Artisan.COLLECTION)
record Artisan(@Id String id, String ownerId, String displayName, String craft, String story, String city,
		String country, List<String> languages, List<String> links, Status status, String verificationNote,
		Instant createdAt, Instant updatedAt, long version, List<OutboxEntry> outbox) {

	static final String COLLECTION = "artisans";

	String etag() {
		return IfMatch.etag(this.version);
	}

}
