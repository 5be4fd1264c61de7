package com.artisanmarket.catalog.artisan;

import java.util.Optional;
import java.util.stream.Stream;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.support.messaging.AppliedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The catalogue's read model of artisans. Each event is applied by one conditional upsert
 * that also records the event as applied, so a redelivered event changes nothing.
 */
@Component
public class ArtisanSnapshots {

	private static final Logger logger = LoggerFactory.getLogger(ArtisanSnapshots.class);

	private final MongoOperations mongo;

	private final ArtisanServiceClient artisanService;

	private final ApplicationEventPublisher events;

	ArtisanSnapshots(MongoOperations mongo, ArtisanServiceClient artisanService, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.artisanService = artisanService;
		this.events = events;
	}

	/** Every artisan known, for rebuilding the search index. */
	public Stream<ArtisanSnapshot> all() {
		return this.mongo.stream(new Query().cursorBatchSize(1_000), ArtisanSnapshot.class);
	}

	public Optional<ArtisanSnapshot> find(String artisanId) {
		return Optional.ofNullable(this.mongo.findById(artisanId, ArtisanSnapshot.class));
	}

	/**
	 * An artisan anyone may see: from the read model, or, when it has not caught up with
	 * a profile created moments ago, from artisan-service itself.
	 * @param artisanId the artisan
	 * @return the artisan; empty when there is none or it is suspended
	 */
	public Optional<ArtisanSnapshot> findPublic(String artisanId) {
		Optional<ArtisanSnapshot> known = find(artisanId);
		return (known.isPresent() ? known : this.artisanService.publicProfile(artisanId))
			.filter((artisan) -> artisan.status() != ArtisanEvent.Status.SUSPENDED);
	}

	/**
	 * The profile of an account: from the read model, or, when it has not caught up with
	 * a profile created moments ago, from artisan-service itself.
	 * @param ownerId the account
	 * @param bearerToken the caller's {@code Authorization} header, to ask as them
	 * @return the profile, if the account has one
	 */
	public Optional<ArtisanSnapshot> forOwner(String ownerId, String bearerToken) {
		ArtisanSnapshot known = this.mongo.findOne(new Query(Criteria.where("ownerId").is(ownerId)),
				ArtisanSnapshot.class);
		return (known != null) ? Optional.of(known) : this.artisanService.myProfile(bearerToken);
	}

	/**
	 * Applies an artisan event once.
	 * @param envelope the event's envelope
	 * @param event the event
	 * @return whether it changed the read model (false for a redelivery)
	 */
	boolean apply(EventEnvelope<?> envelope, ArtisanEvent event) {
		Update update = switch (event) {
			case ArtisanRegistered e ->
				profile(e.ownerId(), e.displayName(), e.craft(), e.city(), e.country()).set("status", e.status());
			case ArtisanProfileUpdated e -> profile(e.ownerId(), e.displayName(), e.craft(), e.city(), e.country());
			case ArtisanVerificationChanged e -> new Update().set("ownerId", e.ownerId()).set("status", e.status());
		};
		update.set("updatedAt", envelope.time()).inc("revision", 1);
		Query query = new Query(
				Criteria.where("_id").is(envelope.subject()).andOperator(AppliedEvents.notYet(envelope.id())));
		boolean applied;
		try {
			this.mongo.upsert(query, AppliedEvents.mark(update, envelope.id()), ArtisanSnapshot.class);
			applied = true;
		}
		catch (DuplicateKeyException ex) {
			logger.debug("{} {} for artisan {} was applied before", envelope.type(), envelope.id(), envelope.subject());
			applied = false;
		}
		// Always the latest state, also on a redelivery: a crash may have come between
		// the
		// read model's update and the products' copy of it.
		find(envelope.subject()).ifPresent((snapshot) -> this.events.publishEvent(new ArtisanChanged(snapshot)));
		return applied;
	}

	private static Update profile(String ownerId, String displayName, String craft, String city, String country) {
		return new Update().set("ownerId", ownerId)
			.set("displayName", displayName)
			.set("craft", craft)
			.set("city", city)
			.set("country", country);
	}

}
