package com.artisanmarket.catalog.conversation;

import java.util.List;

import com.artisanmarket.catalog.conversation.Conversation.Message;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A full page of a conversation's older messages, keyed by the conversation and the
 * page's number, so that reading back through a long conversation is {@code _id} reads. A
 * page is written once, before its messages leave the conversation's document; writing it
 * again after a crash writes the same messages.
 *
 * @param id the conversation's id, a colon and the page's number from 0
 * @param messages oldest first
 */
@Document(ConversationPage.COLLECTION)
record ConversationPage(@Id String id, List<Message> messages) {

	static final String COLLECTION = "conversation_pages";

	static String idFor(String conversationId, int page) {
		return conversationId + ":" + page;
	}

}
