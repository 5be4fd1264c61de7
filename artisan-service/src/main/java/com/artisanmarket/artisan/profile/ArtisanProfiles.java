package com.artisanmarket.artisan.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/** Registers and reads artisan profiles. */
@Service
class ArtisanProfiles {

	private static final Logger logger = LoggerFactory.getLogger(ArtisanProfiles.class);

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Clock clock;

	ArtisanProfiles(MongoOperations mongo, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		mongo.indexOps(Artisan.class).createIndex(new Index("ownerId", Sort.Direction.ASC).unique());
	}

	/**
	 * Stores a new profile, {@code PENDING} verification, together with its
	 * {@code ArtisanRegistered} event: one insert, so neither exists without the other.
	 * An account has at most one profile (a unique index on the owner).
	 */
	Artisan register(NewArtisan profile, Caller caller) {
		String id = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		ArtisanRegistered registered = new ArtisanRegistered(id, caller.accountId(), profile.displayName(),
				profile.craft(), profile.city(), profile.country(), profile.languages(), Status.PENDING, now);
		Artisan artisan = new Artisan(id, caller.accountId(), profile.displayName(), profile.craft(), profile.story(),
				profile.city(), profile.country(), profile.languages(), profile.links(), Status.PENDING, now, now,
				List.of(this.outbox.entry(registered)));
		try {
			this.mongo.insert(artisan);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This account already has an artisan profile; edit it instead.");
		}
		this.outbox.publishSoon(Artisan.COLLECTION, id);
		logger.info("Registered artisan profile {} for account {}", id, caller.accountId());
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
