package com.artisanmarket.catalog.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits on conversations.
 *
 * @param messagesPerMinute how many messages one account may write in a minute, over all
 * its conversations; more are answered 429 with {@code Retry-After}
 * @param pageSize how many messages a conversation's document holds before the oldest
 * full page of them moves to a document of its own
 */
@ConfigurationProperties("marketplace.conversations")
record ConversationSettings(@DefaultValue("20") int messagesPerMinute, @DefaultValue("50") int pageSize) {

}
