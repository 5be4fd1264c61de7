package com.artisanmarket.gateway.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Single-use tickets that open a user's event stream: a browser's {@code EventSource}
 * cannot send a bearer token, so the page trades its token for a ticket and puts the
 * ticket in the stream's URL. A ticket is random (256 bits), stored only as its SHA-256
 * in the gateway's database (so any gateway instance redeems it), and redeemed by
 * deleting it: a second use finds nothing. Unused ones are deleted once expired.
 */
@Component
class StreamTickets {

	static final String COLLECTION = "stream_tickets";

	private static final SecureRandom random = new SecureRandom();

	private final ReactiveMongoOperations mongo;

	private final LiveProperties properties;

	private final Clock clock;

	StreamTickets(ReactiveMongoOperations mongo, LiveProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new ticket for the account. */
	Mono<Ticket> issue(String accountId) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.ticketTtl());
		Document stored = new Document("_id", hash(ticket)).append("accountId", accountId)
			.append("expiresAt", Date.from(expiresAt));
		Query expired = new Query(Criteria.where("expiresAt").lt(Date.from(now)));
		return this.mongo.remove(expired, COLLECTION)
			.then(this.mongo.insert(stored, COLLECTION))
			.thenReturn(new Ticket(ticket, expiresAt));
	}

	/** The account a ticket was issued to, once, before it expires; empty otherwise. */
	Mono<String> redeem(String ticket) {
		Query byId = new Query(Criteria.where("_id").is(hash(ticket)));
		return this.mongo.findAndRemove(byId, Document.class, COLLECTION)
			.filter((stored) -> stored.getDate("expiresAt").toInstant().isAfter(this.clock.instant()))
			.map((stored) -> stored.getString("accountId"));
	}

	private static String hash(String ticket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A ticket to open one stream.
	 *
	 * @param ticket the secret, for {@code GET /api/me/events?ticket=}
	 * @param expiresAt when it can no longer be used
	 */
	record Ticket(String ticket, Instant expiresAt) {

	}

}
