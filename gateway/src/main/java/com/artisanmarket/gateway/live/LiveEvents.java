package com.artisanmarket.gateway.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each signed-in user's live events on this gateway: the streams they hold open and what
 * happened to them in the last few minutes. An event is numbered in the order this
 * gateway learnt of it; its id ({@code <gateway>-<number>-<epoch millis>}) lets a
 * reconnecting stream ask for what came after the last one it received
 * ({@code Last-Event-ID}). On the gateway that numbered it, that is exact; another
 * gateway (or this one after a restart) replays the user's events from a second before
 * that time, so a reconnect after a switch of gateway may see an event twice but misses
 * none still kept.
 */
@Component
class LiveEvents {

	private static final Logger logger = LoggerFactory.getLogger(LiveEvents.class);

	private static final long SKEW_MILLIS = 1_000;

	private final String gateway = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private final AtomicLong numbers = new AtomicLong();

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final LiveProperties properties;

	private final Clock clock;

	LiveEvents(LiveProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Tells the account's open streams, and keeps the event for a replay: only for an
	 * account with a stream open now or within the replay window, so a busy shop's events
	 * for users who are not watching take no memory.
	 */
	void publish(String accountId, String name, String data) {
		Account account = this.accounts.get(accountId);
		if (account == null) {
			return;
		}
		synchronized (account) {
			long number = this.numbers.incrementAndGet();
			long at = this.clock.millis();
			Delivery delivery = new Delivery(this.gateway + "-" + number + "-" + at, number, at, name, data);
			account.recent.addLast(delivery);
			for (Sinks.Many<Delivery> stream : List.copyOf(account.streams)) {
				if (stream.tryEmitNext(delivery).isFailure()) {
					// Too far behind: closed, the client reconnects and is replayed.
					account.streams.remove(stream);
					stream.tryEmitComplete();
				}
			}
		}
	}

	/**
	 * A stream of the account's events, starting with those after {@code lastEventId}
	 * that are still kept.
	 * @return empty when the account holds as many streams as it may already
	 */
	Optional<Flux<Delivery>> open(String accountId, String lastEventId) {
		Sinks.Many<Delivery> stream = Sinks.many()
			.unicast()
			.onBackpressureBuffer(Queues.<Delivery>get(this.properties.buffer()).get());
		while (true) {
			Account account = this.accounts.computeIfAbsent(accountId, (id) -> new Account());
			List<Delivery> missed;
			synchronized (account) {
				if (account.forgotten) {
					// Pruned a moment ago: take the new one.
					continue;
				}
				if (account.streams.size() >= this.properties.maxStreamsPerAccount()) {
					return Optional.empty();
				}
				account.streams.add(stream);
				missed = account.after(lastEventId, this.gateway);
			}
			this.open.incrementAndGet();
			return Optional.of(Flux.concat(Flux.fromIterable(missed), stream.asFlux()).doFinally((signal) -> {
				this.open.decrementAndGet();
				synchronized (account) {
					account.streams.remove(stream);
					account.closedAt = this.clock.millis();
				}
			}));
		}
	}

	/** Streams open on this gateway. */
	int openStreams() {
		return this.open.get();
	}

	/**
	 * Forgets events older than the replay window, and the accounts whose last stream
	 * closed before it.
	 */
	@Scheduled(fixedDelayString = "${marketplace.live.prune-interval:30s}")
	void prune() {
		long oldest = this.clock.millis() - this.properties.replay().toMillis();
		this.accounts.forEach((id, account) -> {
			synchronized (account) {
				while (!account.recent.isEmpty() && account.recent.peekFirst().at() < oldest) {
					account.recent.removeFirst();
				}
				if (account.streams.isEmpty() && account.closedAt < oldest) {
					account.forgotten = true;
					this.accounts.remove(id, account);
				}
			}
		});
		logger.debug("Live events: {} streams open, {} accounts kept", this.open.get(), this.accounts.size());
	}

	/**
	 * One event for one account.
	 *
	 * @param id the stream's event id
	 * @param number its number on this gateway
	 * @param at when this gateway learnt of it (epoch millis)
	 * @param name the stream's event name
	 * @param data its JSON
	 */
	record Delivery(String id, long number, long at, String name, String data) {

		Instant time() {
			return Instant.ofEpochMilli(this.at);
		}

	}

	/** An account's open streams and recent events; guarded by itself. */
	private static final class Account {

		private final List<Sinks.Many<Delivery>> streams = new ArrayList<>();

		private final ArrayDeque<Delivery> recent = new ArrayDeque<>();

		/** When its last stream closed (epoch millis). */
		private long closedAt = Long.MAX_VALUE;

		/** Pruned: no longer in the map, so it takes no stream. */
		private boolean forgotten;

		List<Delivery> after(String lastEventId, String gateway) {
			if (lastEventId == null || lastEventId.isBlank()) {
				return List.of();
			}
			String[] parts = lastEventId.strip().split("-");
			if (parts.length != 3) {
				return List.of();
			}
			try {
				long number = Long.parseLong(parts[1]);
				long at = Long.parseLong(parts[2]);
				boolean ours = parts[0].equals(gateway);
				return this.recent.stream()
					.filter((delivery) -> ours ? delivery.number() > number : delivery.at() >= at - SKEW_MILLIS)
					.toList();
			}
			catch (NumberFormatException ex) {
				return List.of();
			}
		}

	}

}
