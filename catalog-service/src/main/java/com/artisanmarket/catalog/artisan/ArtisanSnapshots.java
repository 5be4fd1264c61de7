package com.artisanmarket.catalog.artisan;

import java.util.Optional;

import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.support.messaging.AppliedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	ArtisanSnapshots(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public Optional<ArtisanSnapshot> find(String artisanId) {
		return Optional.ofNullable(this.mongo.findById(artisanId, ArtisanSnapshot.class));
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
				profile(e.ownerId(), e.displayName(), e.city(), e.country()).set("status", e.status());
			case ArtisanProfileUpdated e -> profile(e.ownerId(), e.displayName(), e.city(), e.country());
			case ArtisanVerificationChanged e -> new Update().set("ownerId", e.ownerId()).set("status", e.status());
		};
		update.set("updatedAt", envelope.time()).inc("revision", 1);
		Query query = new Query(
				Criteria.where("_id").is(envelope.subject()).andOperator(AppliedEvents.notYet(envelope.id())));
		try {
			this.mongo.upsert(query, AppliedEvents.mark(update, envelope.id()), ArtisanSnapshot.class);
			return true;
		}
		catch (DuplicateKeyException ex) {
			logger.debug("{} {} for artisan {} was applied before", envelope.type(), envelope.id(), envelope.subject());
			return false;
		}
	}

	private static Update profile(String ownerId, String displayName, String city, String country) {
		return new Update().set("ownerId", ownerId)
			.set("displayName", displayName)
			.set("city", city)
			.set("country", country);
	}

}
