package com.artisanmarket.support.messaging;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The idempotent-consumer pattern: the marker "event X applied" lives in the document the
 * event changes, and is set by the same conditional update as the change, so an event
 * delivered twice changes the document once.
 *
 * <pre>{@code
 * mongo.upsert(query(where("_id").is(id).andOperator(AppliedEvents.notYet(eventId))),
 *         AppliedEvents.mark(new Update().set("status", status), eventId), Snapshot.class);
 * }</pre>
 *
 * An upsert whose filter fails only because the event is already applied tries to insert
 * a second document with the same {@code _id} and fails with a duplicate key
 * ({@code DuplicateKeyException}): callers treat that as "already applied".
 */
public final class AppliedEvents {

	/** The field holding the ids of the latest events applied to a document. */
	public static final String FIELD = "appliedEvents";

	/**
	 * How many ids a document keeps. Redeliveries come soon after the first delivery
	 * (retries, a rebalance, a republished outbox entry), well within the last 100 events
	 * of one aggregate.
	 */
	public static final int KEEP = 100;

	private AppliedEvents() {
	}

	/** Matches a document only while it has not applied the event. */
	public static Criteria notYet(String eventId) {
		return Criteria.where(FIELD).ne(eventId);
	}

	/** Adds "event applied" to an update, keeping the latest {@value #KEEP} ids. */
	public static Update mark(Update update, String eventId) {
		update.push(FIELD).slice(-KEEP).each(eventId);
		return update;
	}

}
