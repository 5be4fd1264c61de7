package com.artisanmarket.catalog.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buyer's conversation with one artisan about one product or one order, in one document
 * keyed by an id derived from who asks about what (so asking again finds it). It holds
 * the newest messages; full pages of older ones move to {@link ConversationPage}
 * documents. A message, the counts it changes and the event that tells of it are one
 * write, conditional on {@code version}.
 *
 * @param id derived from the buyer, the subject and the artisan
 * @param subject what it is about
 * @param buyerId the buyer's account
 * @param buyerName the buyer's display name when they first wrote
 * @param artisanId the artisan profile asked
 * @param ownerId the account that owns that profile
 * @param artisanName the artisan's shop name when the buyer first wrote
 * @param messages the newest messages, oldest first, after those in {@code archivedPages}
 * pages
 * @param archivedPages how many full pages moved out
 * @param sent messages written by each party
 * @param read how many of the other party's messages each party has read
 * @param reports what participants reported, oldest first
 * @param createdAt when the buyer first wrote
 * @param lastActivityAt when the newest message was written
 * @param version incremented by every write
 * @param outbox events not yet published
 */
@Document(Conversation.COLLECTION)
record Conversation(@Id String id, Subject subject, String buyerId, String buyerName, String artisanId, String ownerId,
		String artisanName, List<Message> messages, int archivedPages, Counts sent, Counts read, List<Report> reports,
		Instant createdAt, Instant lastActivityAt, long version, List<OutboxEntry> outbox) {

	static final String COLLECTION = "conversations";

	Conversation {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		reports = (reports != null) ? List.copyOf(reports) : List.of();
		sent = (sent != null) ? sent : Counts.NONE;
		read = (read != null) ? read : Counts.NONE;
		outbox = (outbox != null) ? outbox : List.of();
	}

	static String idFor(String buyerId, Subject.Type type, String subjectId, String artisanId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", buyerId, type.name(), subjectId, artisanId).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** This conversation after one write: the next version, with these parts changed. */
	Conversation next(List<Message> messages, int archivedPages, Counts sent, Counts read, List<Report> reports,
			Instant lastActivityAt) {
		return new Conversation(this.id, this.subject, this.buyerId, this.buyerName, this.artisanId, this.ownerId,
				this.artisanName, messages, archivedPages, sent, read, reports, this.createdAt, lastActivityAt,
				this.version + 1, List.of());
	}

	/** The side the caller writes on, empty when they are not a participant. */
	Optional<Party> party(Caller caller) {
		if (caller.isAnonymous()) {
			return Optional.empty();
		}
		if (caller.accountId().equals(this.buyerId)) {
			return Optional.of(Party.BUYER);
		}
		return caller.accountId().equals(this.ownerId) ? Optional.of(Party.ARTISAN) : Optional.empty();
	}

	/** The other party's messages that this party has not read yet. */
	long unread(Party party) {
		return this.sent.of(party.other()) - this.read.of(party);
	}

	/** How many messages there are in all: the number of the newest. */
	long lastSeq() {
		return this.sent.buyer() + this.sent.artisan();
	}

	Optional<Message> lastMessage() {
		return this.messages.isEmpty() ? Optional.empty() : Optional.of(this.messages.getLast());
	}

	String accountOf(Party party) {
		return (party == Party.BUYER) ? this.buyerId : this.ownerId;
	}

	/** The two sides of a conversation. */
	enum Party {

		BUYER, ARTISAN;

		Party other() {
			return (this == BUYER) ? ARTISAN : BUYER;
		}

	}

	/**
	 * What a conversation is about.
	 *
	 * @param type a product or an order
	 * @param id the product's or the order's id
	 * @param title the product's title, or the order's id
	 */
	record Subject(Type type, String id, String title) {

		enum Type {

			PRODUCT, ORDER

		}

	}

	/**
	 * One message, plain text.
	 *
	 * @param seq its number in the conversation, from 1
	 * @param from who wrote it
	 * @param senderId their account
	 * @param text what they wrote
	 * @param at when
	 */
	record Message(long seq, Party from, String senderId, String text, Instant at) {

	}

	/**
	 * A number per party.
	 *
	 * @param buyer the buyer's
	 * @param artisan the artisan's
	 */
	record Counts(long buyer, long artisan) {

		static final Counts NONE = new Counts(0, 0);

		long of(Party party) {
			return (party == Party.BUYER) ? this.buyer : this.artisan;
		}

		Counts with(Party party, long value) {
			return (party == Party.BUYER) ? new Counts(value, this.artisan) : new Counts(this.buyer, value);
		}

	}

	/**
	 * A participant told the admins about the conversation.
	 *
	 * @param by their account
	 * @param reason in their words
	 * @param at when
	 */
	record Report(String by, String reason, Instant at) {

	}

}
