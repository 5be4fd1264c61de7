package com.artisanmarket.catalog.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.artisanmarket.catalog.conversation.Conversation.Party;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each account's conversations, newest activity first, in one document per account (its
 * {@code _id} the account; the admins' is {@value #REPORTED}, the reported ones), so that
 * an inbox and its unread count are one {@code _id} read and no query runs over the
 * conversations. An entry is a copy of the conversation's activity and the account's
 * unread count as of a version of the conversation, written after the conversation and
 * only over an older copy; a copy a crash left behind is brought up to date by the
 * conversation's next change, or when the inbox is read.
 */
@Component
class Inboxes {

	static final String COLLECTION = "inboxes";

	/** The admins' inbox: every reported conversation. */
	static final String REPORTED = "reported";

	private static final String CONVERSATIONS = "conversations";

	private final MongoOperations mongo;

	Inboxes(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Files the conversation as it is now in its participants' inboxes, and the admins'.
	 */
	void file(Conversation conversation) {
		file(conversation.buyerId(), conversation, conversation.unread(Party.BUYER));
		file(conversation.ownerId(), conversation, conversation.unread(Party.ARTISAN));
		if (!conversation.reports().isEmpty()) {
			file(REPORTED, conversation, 0);
		}
	}

	private void file(String inbox, Conversation conversation, long unread) {
		String path = CONVERSATIONS + "." + conversation.id();
		Query older = new Query(Criteria.where("_id")
			.is(inbox)
			.orOperator(Criteria.where(path + ".version").lt(conversation.version()),
					Criteria.where(path).exists(false)));
		Update update = new Update().set(path,
				new Document("at", Date.from(conversation.lastActivityAt())).append("unread", unread)
					.append("version", conversation.version()));
		try {
			this.mongo.upsert(older, update, COLLECTION);
		}
		catch (DuplicateKeyException newer) {
			// The inbox holds this version or a newer one already.
		}
	}

	/** The account's conversations, newest activity first. */
	List<Entry> of(String inbox) {
		Document document = this.mongo.findById(inbox, Document.class, COLLECTION);
		if (document == null) {
			return List.of();
		}
		Document conversations = document.get(CONVERSATIONS, Document.class);
		if (conversations == null) {
			return List.of();
		}
		return conversations.entrySet()
			.stream()
			.map(Inboxes::entry)
			.sorted(Comparator.comparing(Entry::at).reversed().thenComparing(Entry::conversationId))
			.toList();
	}

	private static Entry entry(Map.Entry<String, Object> stored) {
		Document copy = (Document) stored.getValue();
		return new Entry(stored.getKey(), copy.getDate("at").toInstant(), ((Number) copy.get("unread")).longValue(),
				((Number) copy.get("version")).longValue());
	}

	/**
	 * One conversation in an inbox.
	 *
	 * @param conversationId the conversation
	 * @param at its newest activity
	 * @param unread the account's unread messages in it
	 * @param version the conversation's version this copies
	 */
	record Entry(String conversationId, Instant at, long unread, long version) {

	}

}
