package com.artisanmarket.gateway.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates to signed-in users.
 *
 * @param replay how long each gateway keeps a user's events to replay after a reconnect
 * with {@code Last-Event-ID}
 * @param ticketTtl how long a stream ticket may wait to be used (once)
 * @param heartbeat how often an open stream gets a comment, so that proxies keep it
 * @param maxStreamsPerAccount how many streams one account may hold open on one gateway
 * @param buffer how many events a stream may fall behind before it is closed (the client
 * reconnects and is replayed what it missed)
 */
@ConfigurationProperties("marketplace.live")
record LiveProperties(@DefaultValue("5m") Duration replay, @DefaultValue("30s") Duration ticketTtl,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("10") int maxStreamsPerAccount,
		@DefaultValue("256") int buffer) {

}
