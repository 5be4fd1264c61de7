package com.artisanmarket.artisan.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.NotFoundException;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/** Registers and reads artisan profiles. */
@Service
class ArtisanProfiles {

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Clock clock;

	ArtisanProfiles(MongoOperations mongo, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Stores a new profile, {@code PENDING} verification, together with its
	 * {@code ArtisanRegistered} event: one insert, so neither exists without the other.
	 */
	Artisan register(NewArtisan profile, Caller caller) {
		String id = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		ArtisanRegistered registered = new ArtisanRegistered(id, caller.accountId(), profile.displayName(),
				profile.craft(), profile.city(), profile.country(), profile.languages(), Status.PENDING, now);
		Artisan artisan = new Artisan(id, caller.accountId(), profile.displayName(), profile.craft(), profile.story(),
				profile.city(), profile.country(), profile.languages(), profile.links(), Status.PENDING, now, now,
				List.of(this.outbox.entry(registered)));
		this.mongo.insert(artisan);
		this.outbox.publishSoon(Artisan.COLLECTION, id);
		return artisan;
	}

	Artisan get(String id) {
		Artisan artisan = this.mongo.findById(id, Artisan.class);
		if (artisan == null) {
			throw new NotFoundException("artisan", id);
		}
		return artisan;
	}

}
