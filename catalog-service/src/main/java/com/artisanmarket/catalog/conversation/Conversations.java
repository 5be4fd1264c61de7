package com.artisanmarket.catalog.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.conversation.Conversation.Counts;
import com.artisanmarket.catalog.conversation.Conversation.Message;
import com.artisanmarket.catalog.conversation.Conversation.Party;
import com.artisanmarket.catalog.conversation.Conversation.Report;
import com.artisanmarket.catalog.conversation.Conversation.Subject;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.stock.Reservations;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.support.data.Contention;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.outbox.OutboxEntry;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.FieldValidationException;
import com.artisanmarket.support.web.NotFoundException;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Conversations between a buyer and an artisan. Only their two participants see one (an
 * ADMIN the reported ones); to anyone else it does not exist (404). Every change is one
 * write of the conversation's document conditional on its version, a message with its
 * {@code MessagePosted} in the document's outbox; the participants' inboxes are filed
 * after it.
 */
@Service
class Conversations {

	static final int MAX_TEXT = 4000;

	private static final Logger logger = LoggerFactory.getLogger(Conversations.class);

	private final MongoOperations mongo;

	private final Outbox outbox;

	private final Inboxes inboxes;

	private final MessageRates rates;

	private final Reservations reservations;

	private final ArtisanSnapshots artisans;

	private final ConversationSettings settings;

	private final Clock clock;

	Conversations(MongoOperations mongo, Outbox outbox, Inboxes inboxes, MessageRates rates, Reservations reservations,
			ArtisanSnapshots artisans, ConversationSettings settings, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.inboxes = inboxes;
		this.rates = rates;
		this.reservations = reservations;
		this.artisans = artisans;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Asks an artisan about a product or an order: the buyer's conversation about it with
	 * that artisan, started now or earlier, with the text as its newest message.
	 * @throws NotFoundException the product is not for sale, or the order is not the
	 * buyer's
	 * @throws FieldValidationException neither or both subjects named, or the order's
	 * artisan not named when there are several, or named wrongly
	 */
	Conversation start(NewConversation request, Caller buyer, String buyerName) {
		String text = text(request.text());
		Participants asked = asked(request, buyer);
		String id = Conversation.idFor(buyer.accountId(), asked.subject().type(), asked.subject().id(),
				asked.artisanId());
		this.rates.take(buyer.accountId());
		if (this.mongo.findById(id, Conversation.class) == null) {
			Instant now = this.clock.instant();
			Message first = new Message(1, Party.BUYER, buyer.accountId(), text, now);
			Conversation started = new Conversation(id, asked.subject(), buyer.accountId(), buyerName,
					asked.artisanId(), asked.ownerId(), asked.artisanName(), List.of(first), 0, new Counts(1, 0),
					Counts.NONE, List.of(), now, now, 1, List.of(posted(id, first, buyer.accountId(), asked)));
			try {
				this.mongo.insert(started);
				this.outbox.publishSoon(Conversation.COLLECTION, id);
				this.inboxes.file(started);
				logger.info("Conversation {} started about {} {}", id, asked.subject().type(), asked.subject().id());
				return started;
			}
			catch (DuplicateKeyException ex) {
				// Started by the same buyer a moment ago: the text joins it.
			}
		}
		return append(id, Party.BUYER, text);
	}

	/**
	 * Writes in a conversation as the party the caller is in it.
	 * @throws AccessDeniedException the caller is the artisan and their shop is suspended
	 */
	Conversation post(String id, String text, Caller caller) {
		String checked = text(text);
		Party party = participant(id, caller);
		if (party == Party.ARTISAN && suspended(find(id).artisanId())) {
			throw new AccessDeniedException("Your shop is suspended, so you cannot write messages.");
		}
		this.rates.take(caller.accountId());
		return append(id, party, checked);
	}

	private Conversation append(String id, Party party, String text) {
		return Contention.retry(() -> {
			Conversation current = find(id);
			Instant now = this.clock.instant();
			String sender = current.accountOf(party);
			Message message = new Message(current.lastSeq() + 1, party, sender, text, now);
			List<Message> kept = current.messages();
			int pages = current.archivedPages();
			if (kept.size() >= this.settings.pageSize()) {
				this.mongo.save(new ConversationPage(ConversationPage.idFor(id, pages),
						kept.subList(0, this.settings.pageSize())));
				kept = kept.subList(this.settings.pageSize(), kept.size());
				pages++;
			}
			List<Message> messages = new ArrayList<>(kept);
			messages.add(message);
			Counts sent = current.sent().with(party, current.sent().of(party) + 1);
			Counts read = current.read().with(party, current.sent().of(party.other()));
			OutboxEntry event = posted(id, message, sender, Participants.of(current));
			Update update = new Update().set("messages", messages)
				.set("archivedPages", pages)
				.set("sent", sent)
				.set("read", read)
				.set("lastActivityAt", now)
				.set("version", current.version() + 1)
				.push(Outbox.FIELD, event);
			if (!writeOver(current, update)) {
				return Optional.empty();
			}
			this.outbox.publishSoon(Conversation.COLLECTION, id);
			Conversation after = current.next(messages, pages, sent, read, current.reports(), now);
			this.inboxes.file(after);
			return Optional.of(after);
		}, "This conversation is busy right now; send the message again.");
	}

	/** Marks every message of the other party read for the caller. */
	Conversation markRead(String id, Caller caller) {
		Party party = participant(id, caller);
		return Contention.retry(() -> {
			Conversation current = find(id);
			if (current.unread(party) == 0) {
				this.inboxes.file(current);
				return Optional.of(current);
			}
			Counts read = current.read().with(party, current.sent().of(party.other()));
			if (!writeOver(current, new Update().set("read", read).set("version", current.version() + 1))) {
				return Optional.empty();
			}
			Conversation after = current.next(current.messages(), current.archivedPages(), current.sent(), read,
					current.reports(), current.lastActivityAt());
			this.inboxes.file(after);
			return Optional.of(after);
		}, "This conversation is busy right now; try again.");
	}

	/**
	 * Tells the admins about the conversation; a participant's second report replaces the
	 * first.
	 */
	Conversation report(String id, String reason, Caller caller) {
		participant(id, caller);
		return Contention.retry(() -> {
			Conversation current = find(id);
			List<Report> reports = new ArrayList<>(
					current.reports().stream().filter((report) -> !report.by().equals(caller.accountId())).toList());
			reports.add(new Report(caller.accountId(), reason, this.clock.instant()));
			if (!writeOver(current, new Update().set("reports", reports).set("version", current.version() + 1))) {
				return Optional.empty();
			}
			Conversation after = current.next(current.messages(), current.archivedPages(), current.sent(),
					current.read(), reports, current.lastActivityAt());
			this.inboxes.file(after);
			logger.info("Conversation {} reported by {}", id, caller.accountId());
			return Optional.of(after);
		}, "This conversation is busy right now; try again.");
	}

	/**
	 * Up to {@code size} messages before message number {@code before} (before the
	 * newest's successor when {@code null}), oldest first.
	 */
	List<Message> messages(Conversation conversation, Long before, int size) {
		long upTo = (before != null) ? Math.min(before - 1, conversation.lastSeq()) : conversation.lastSeq();
		List<Message> newestFirst = new ArrayList<>();
		collect(conversation.messages(), upTo, size, newestFirst);
		for (int page = conversation.archivedPages() - 1; page >= 0 && newestFirst.size() < size; page--) {
			ConversationPage stored = this.mongo.findById(ConversationPage.idFor(conversation.id(), page),
					ConversationPage.class);
			if (stored != null) {
				collect(stored.messages(), upTo, size, newestFirst);
			}
		}
		return newestFirst.reversed();
	}

	private static void collect(List<Message> oldestFirst, long upTo, int size, List<Message> newestFirst) {
		for (Message message : oldestFirst.reversed()) {
			if (newestFirst.size() == size) {
				return;
			}
			if (message.seq() <= upTo) {
				newestFirst.add(message);
			}
		}
	}

	/**
	 * A page of the caller's conversations (an ADMIN's: the reported ones), newest
	 * activity first; copies in the inbox that a crash left behind are brought up to date
	 * on the way.
	 */
	PageView<Conversation> inbox(Caller caller, PageRequest page) {
		List<Inboxes.Entry> entries = entries(caller);
		List<Conversation> found = new ArrayList<>();
		entries.stream().skip(page.offset()).limit(page.size()).forEach((entry) -> {
			Conversation conversation = this.mongo.findById(entry.conversationId(), Conversation.class);
			if (conversation != null) {
				if (conversation.version() > entry.version()) {
					this.inboxes.file(conversation);
				}
				found.add(conversation);
			}
		});
		return PageView.of(found, page, entries.size());
	}

	/** The caller's inbox entries, without reading the conversations: for counts. */
	List<Inboxes.Entry> entries(Caller caller) {
		return this.inboxes.of(inboxOf(caller));
	}

	private static String inboxOf(Caller caller) {
		return caller.isAdmin() ? Inboxes.REPORTED : caller.accountId();
	}

	/** A conversation the caller may read: theirs, or a reported one for an ADMIN. */
	Conversation readable(String id, Caller caller) {
		Conversation conversation = this.mongo.findById(id, Conversation.class);
		if (conversation == null
				|| (conversation.party(caller).isEmpty() && !(caller.isAdmin() && !conversation.reports().isEmpty()))) {
			throw new NotFoundException("conversation", id);
		}
		return conversation;
	}

	private Party participant(String id, Caller caller) {
		Conversation conversation = this.mongo.findById(id, Conversation.class);
		Optional<Party> party = (conversation != null) ? conversation.party(caller) : Optional.empty();
		return party.orElseThrow(() -> new NotFoundException("conversation", id));
	}

	private Conversation find(String id) {
		Conversation conversation = this.mongo.findById(id, Conversation.class);
		if (conversation == null) {
			throw new NotFoundException("conversation", id);
		}
		return conversation;
	}

	private boolean writeOver(Conversation current, Update update) {
		Query unchanged = new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
		return this.mongo.updateFirst(unchanged, update, Conversation.class).getModifiedCount() == 1;
	}

	private OutboxEntry posted(String id, Message message, String sender, Participants participants) {
		return this.outbox.entry(new MessagePosted(id, message.seq(), participants.buyerId(), participants.artisanId(),
				participants.ownerId(), sender, message.at()));
	}

	private boolean suspended(String artisanId) {
		return this.artisans.find(artisanId)
			.map((artisan) -> artisan.status() == ArtisanEvent.Status.SUSPENDED)
			.orElse(false);
	}

	/** Who is asked about what, from a product or from the buyer's order. */
	private Participants asked(NewConversation request, Caller buyer) {
		boolean product = request.productId() != null && !request.productId().isBlank();
		boolean order = request.orderId() != null && !request.orderId().isBlank();
		if (product == order) {
			throw new FieldValidationException("productId",
					"Name either the product (productId) or the order " + "(orderId) the question is about, not both.");
		}
		if (product) {
			Product found = this.mongo.findById(request.productId(), Product.class);
			if (found == null || !found.isPublic()) {
				throw new NotFoundException("product", request.productId());
			}
			if (request.artisanId() != null && !request.artisanId().equals(found.artisanId())) {
				throw new FieldValidationException("artisanId", "This product is sold by another artisan.");
			}
			return new Participants(new Subject(Subject.Type.PRODUCT, found.id(), found.title()), buyer.accountId(),
					found.artisanId(), found.ownerId(), artisanName(found));
		}
		Map<String, Product> byArtisan = new LinkedHashMap<>();
		for (String productId : this.reservations.productIdsPlacedBy(request.orderId(), buyer.accountId())) {
			Product line = this.mongo.findById(productId, Product.class);
			if (line != null) {
				byArtisan.putIfAbsent(line.artisanId(), line);
			}
		}
		if (byArtisan.isEmpty()) {
			throw new NotFoundException("order", request.orderId());
		}
		Product maker;
		if (request.artisanId() != null && !request.artisanId().isBlank()) {
			maker = byArtisan.get(request.artisanId());
			if (maker == null) {
				throw new FieldValidationException("artisanId", "This order holds nothing of that artisan.");
			}
		}
		else if (byArtisan.size() > 1) {
			throw new FieldValidationException("artisanId",
					"This order holds goods of " + byArtisan.size() + " artisans; name the one to ask.");
		}
		else {
			maker = byArtisan.values().iterator().next();
		}
		return new Participants(new Subject(Subject.Type.ORDER, request.orderId(), request.orderId()),
				buyer.accountId(), maker.artisanId(), maker.ownerId(), artisanName(maker));
	}

	private String artisanName(Product product) {
		if (product.artisanName() != null) {
			return product.artisanName();
		}
		return this.artisans.find(product.artisanId()).map((artisan) -> artisan.displayName()).orElse("An artisan");
	}

	/**
	 * The text as it is kept: without surrounding blanks; no control characters but line
	 * breaks and tabs.
	 */
	static String text(String text) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.isEmpty()) {
			throw new FieldValidationException("text", "must not be blank");
		}
		if (stripped.length() > MAX_TEXT) {
			throw new FieldValidationException("text", "size must be between 1 and " + MAX_TEXT);
		}
		boolean control = stripped.chars()
			.anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
		if (control) {
			throw new FieldValidationException("text", "must be plain text, without control characters");
		}
		return stripped;
	}

	private record Participants(Subject subject, String buyerId, String artisanId, String ownerId, String artisanName) {

		static Participants of(Conversation conversation) {
			return new Participants(conversation.subject(), conversation.buyerId(), conversation.artisanId(),
					conversation.ownerId(), conversation.artisanName());
		}

	}

}
