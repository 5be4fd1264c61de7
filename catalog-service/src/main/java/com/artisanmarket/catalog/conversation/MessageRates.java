package com.artisanmarket.catalog.conversation;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many messages each account wrote this minute, in one document per account
 * ({@code _id} the account, the minute and its count), so that several instances count
 * against the same limit with conditional writes by {@code _id} and nothing grows with
 * time.
 */
@Component
class MessageRates {

	static final String COLLECTION = "message_rates";

	private static final long MINUTE = Duration.ofMinutes(1).toMillis();

	private final MongoOperations mongo;

	private final ConversationSettings settings;

	private final Clock clock;

	MessageRates(MongoOperations mongo, ConversationSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one message of the account.
	 * @throws TooManyMessagesException when it wrote its limit this minute already
	 */
	void take(String accountId) {
		long now = this.clock.millis();
		long minute = now / MINUTE;
		for (int attempt = 0; attempt < 3; attempt++) {
			Query belowLimit = new Query(Criteria.where("_id")
				.is(accountId)
				.and("minute")
				.is(minute)
				.and("count")
				.lt(this.settings.messagesPerMinute()));
			if (this.mongo.updateFirst(belowLimit, new Update().inc("count", 1), COLLECTION).getModifiedCount() == 1) {
				return;
			}
			Query earlier = new Query(Criteria.where("_id").is(accountId).and("minute").ne(minute));
			try {
				this.mongo.upsert(earlier, new Update().set("minute", minute).set("count", 1), COLLECTION);
				return;
			}
			catch (DuplicateKeyException thisMinute) {
				Document counted = this.mongo.findById(accountId, Document.class, COLLECTION);
				if (counted != null && counted.get("minute", Number.class).longValue() == minute
						&& counted.get("count", Number.class).intValue() >= this.settings.messagesPerMinute()) {
					throw new TooManyMessagesException(Duration.ofMillis((minute + 1) * MINUTE - now));
				}
			}
		}
		throw new TooManyMessagesException(Duration.ofSeconds(1));
	}

}
