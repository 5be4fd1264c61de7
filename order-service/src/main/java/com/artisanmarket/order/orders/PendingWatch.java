package com.artisanmarket.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The orders this process knows to be {@code PENDING}, with when their
 * {@code OrderPlaced} was last published, so that the check for orders without an answer
 * looks them up by id instead of scanning every order ever placed. Orders placed by
 * another process, or before a restart, are added by that check's occasional scan.
 */
@Component
public class PendingWatch {

	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	/** The order was placed, or its {@code OrderPlaced} published again, at that time. */
	public void published(String orderId, Instant at) {
		this.pending.put(orderId, at);
	}

	/** The order left {@code PENDING}. */
	public void settled(String orderId) {
		this.pending.remove(orderId);
	}

	/**
	 * @return the orders whose {@code OrderPlaced} was last published before that time
	 */
	public List<String> quietSince(Instant before) {
		return this.pending.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isBefore(before))
			.map(Map.Entry::getKey)
			.toList();
	}

	public int size() {
		return this.pending.size();
	}

}
