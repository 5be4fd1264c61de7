package com.artisanmarket.artisan.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.ConflictException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import com.artisanmarket.support.web.PreconditionFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Artisan profiles: registration, changes with optimistic concurrency, verification, and
 * the public listing. Every change is one conditional single-document update that also
 * appends the change's event to the profile's outbox.
 */
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
		mongo.indexOps(Artisan.class).createIndex(new Index("createdAt", Sort.Direction.DESC));
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
				profile.city(), profile.country(), profile.languages(), profile.links(), Status.PENDING, null, now, now,
				1, List.of(this.outbox.entry(registered)));
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

	/**
	 * A profile as the caller may see it: a suspended one only by its owner and admins.
	 */
	Artisan get(String id, Caller caller) {
		Artisan artisan = this.mongo.findById(id, Artisan.class);
		if (artisan == null || !visible(artisan, caller)) {
			throw new NotFoundException("artisan", id);
		}
		return artisan;
	}

	Artisan mine(Caller caller) {
		return Optional
			.ofNullable(this.mongo.findOne(new Query(Criteria.where("ownerId").is(caller.accountId())), Artisan.class))
			.orElseThrow(() -> new NotFoundException("artisan profile for account", caller.accountId()));
	}

	/**
	 * Replaces a profile's details, if the caller owns it (or is an admin) and, when
	 * {@code expectedVersion} is given, nobody changed it since.
	 */
	Artisan update(String id, NewArtisan profile, Long expectedVersion, Caller caller) {
		Artisan current = get(id, caller);
		if (!caller.isOwnerOrAdmin(current.ownerId())) {
			throw new AccessDeniedException("Only the owner or an admin may change this profile.");
		}
		long version = (expectedVersion != null) ? expectedVersion : current.version();
		Instant now = this.clock.instant();
		ArtisanProfileUpdated updated = new ArtisanProfileUpdated(id, current.ownerId(), profile.displayName(),
				profile.craft(), profile.city(), profile.country(), profile.languages(), version + 1, now);
		Update change = new Update().set("displayName", profile.displayName())
			.set("craft", profile.craft())
			.set("story", profile.story())
			.set("city", profile.city())
			.set("country", profile.country())
			.set("languages", profile.languages())
			.set("links", profile.links());
		return changeAt(id, version, change, this.outbox.entry(updated), now);
	}

	/** An admin verifies, suspends or reinstates an artisan. */
	Artisan changeVerification(String id, VerificationChange change, Caller admin) {
		Artisan current = get(id, admin);
		Instant now = this.clock.instant();
		ArtisanVerificationChanged changed = new ArtisanVerificationChanged(id, current.ownerId(), current.status(),
				change.status(), change.note(), admin.accountId(), now);
		Artisan artisan = changeAt(id, current.version(),
				new Update().set("status", change.status()).set("verificationNote", change.note()),
				this.outbox.entry(changed), now);
		logger.info("Artisan {} is now {} (was {}), by {}", id, change.status(), current.status(), admin.accountId());
		return artisan;
	}

	private Artisan changeAt(String id, long version, Update change, OutboxEntry event, Instant now) {
		change.set("updatedAt", now).inc("version", 1).push(Outbox.FIELD, event);
		Artisan changed = this.mongo.findAndModify(new Query(Criteria.where("_id").is(id).and("version").is(version)),
				change, FindAndModifyOptions.options().returnNew(true), Artisan.class);
		if (changed == null) {
			throw new PreconditionFailedException(
					"The profile was changed by someone else since version " + version + "; reload it and try again.");
		}
		this.outbox.publishSoon(Artisan.COLLECTION, id);
		return changed;
	}

	/** The public listing, newest first; suspended artisans only for admins. */
	PageView<Artisan> search(ArtisanSearch search, PageRequest page, Caller caller) {
		List<Criteria> filters = new ArrayList<>();
		if (!caller.isAdmin()) {
			filters.add(Criteria.where("status").ne(Status.SUSPENDED));
		}
		if (search.status() != null) {
			filters.add(Criteria.where("status").is(search.status()));
		}
		if (search.country() != null) {
			filters.add(Criteria.where("country").is(search.country()));
		}
		if (search.craft() != null && !search.craft().isBlank()) {
			filters.add(Criteria.where("craft").regex(Pattern.quote(search.craft().trim()), "i"));
		}
		if (search.q() != null && !search.q().isBlank()) {
			String words = Pattern.quote(search.q().trim());
			filters.add(new Criteria().orOperator(Criteria.where("displayName").regex(words, "i"),
					Criteria.where("craft").regex(words, "i"), Criteria.where("city").regex(words, "i"),
					Criteria.where("story").regex(words, "i")));
		}
		Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
		long total = this.mongo.count(query, Artisan.class);
		query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(page.offset()).limit(page.size());
		return PageView.of(this.mongo.find(query, Artisan.class), page, total);
	}

	static boolean visible(Artisan artisan, Caller caller) {
		return artisan.status() != Status.SUSPENDED || caller.isOwnerOrAdmin(artisan.ownerId());
	}

}
