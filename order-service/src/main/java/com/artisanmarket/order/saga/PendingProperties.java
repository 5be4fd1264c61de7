package com.artisanmarket.order.saga;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pending-order check treats an order the catalogue has not answered
 * ({@code marketplace.orders.*}).
 *
 * @param republishAfter how long an order waits for an answer before its
 * {@code OrderPlaced} is published again
 * @param rejectAfter how long after placement an unanswered order is rejected
 * @param pendingScanInterval how often the whole collection is scanned, for orders placed
 * by a process that is gone (the orders this process placed are checked every
 * {@code marketplace.orders.pending-check-interval}, 10 s, read by the schedule itself)
 */
@ConfigurationProperties("marketplace.orders")
record PendingProperties(@DefaultValue("30s") Duration republishAfter, @DefaultValue("5m") Duration rejectAfter,
		@DefaultValue("5m") Duration pendingScanInterval) {

}
