package com.artisanmarket.catalog.conversation;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.catalog.conversation.Conversation.Message;
import com.artisanmarket.catalog.conversation.Conversation.Party;
import com.artisanmarket.catalog.conversation.Conversation.Subject;
import com.artisanmarket.support.security.Caller;

/**
 * A conversation as one of its participants (or an ADMIN) sees it.
 *
 * @param id the conversation
 * @param subject what it is about
 * @param artisanId the artisan profile asked
 * @param artisanName the artisan's shop name
 * @param buyerName the buyer's display name
 * @param with the other party's name, for the caller (the buyer's for an ADMIN)
 * @param as the caller's side, {@code BUYER} or {@code ARTISAN}; {@code null} for an
 * ADMIN
 * @param lastMessage the newest message
 * @param messages how many messages there are
 * @param unread the other party's messages the caller has not read
 * @param createdAt when the buyer first wrote
 * @param lastActivityAt when the newest message was written
 * @param reports the caller's own report, or every report for an ADMIN
 */
record ConversationView(String id, Subject subject, String artisanId, String artisanName, String buyerName, String with,
		Party as, MessageView lastMessage, long messages, long unread, Instant createdAt, Instant lastActivityAt,
		List<ReportView> reports) {

	static ConversationView of(Conversation conversation, Caller caller) {
		Party as = conversation.party(caller).orElse(null);
		String with = (as == Party.BUYER) ? conversation.artisanName() : conversation.buyerName();
		List<ReportView> reports = conversation.reports()
			.stream()
			.filter((report) -> as == null || report.by().equals(caller.accountId()))
			.map((report) -> new ReportView((report.by().equals(conversation.buyerId())) ? Party.BUYER : Party.ARTISAN,
					report.reason(), report.at()))
			.toList();
		return new ConversationView(conversation.id(), conversation.subject(), conversation.artisanId(),
				conversation.artisanName(), conversation.buyerName(), with, as,
				conversation.lastMessage().map((message) -> MessageView.of(message, caller)).orElse(null),
				conversation.lastSeq(), (as != null) ? conversation.unread(as) : 0, conversation.createdAt(),
				conversation.lastActivityAt(), reports);
	}

	/**
	 * One message.
	 *
	 * @param seq its number in the conversation, from 1
	 * @param from who wrote it
	 * @param mine whether the caller wrote it
	 * @param text what they wrote, plain text
	 * @param at when
	 */
	record MessageView(long seq, Party from, boolean mine, String text, Instant at) {

		static MessageView of(Message message, Caller caller) {
			return new MessageView(message.seq(), message.from(), message.senderId().equals(caller.accountId()),
					message.text(), message.at());
		}

	}

	/**
	 * A report to the admins.
	 *
	 * @param by which side reported
	 * @param reason in their words
	 * @param at when
	 */
	record ReportView(Party by, String reason, Instant at) {

	}

}
