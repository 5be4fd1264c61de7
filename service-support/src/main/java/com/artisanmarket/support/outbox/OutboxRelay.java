package com.artisanmarket.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.artisanmarket.support.lease.Leases;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes outbox entries to Kafka and removes them from their documents once the broker
 * has acknowledged them ({@code acks=all}, idempotent producer). One thread does all the
 * work, so a document's entries leave in the order they were written.
 * <p>
 * The relay keeps the documents it was told about ({@link #publishSoon}) until their
 * entries are out: right after a write they are published in batches (one read by
 * {@code _id} for the batch, the sends pipelined, one bulk write to take the entries
 * out), and while the broker is down they are retried every sweep interval, by
 * {@code _id} again. Only what a crashed process left behind is found by scanning the
 * outbox collections: once at start and then every full-sweep interval (or twenty times
 * the last scan's time, when that is longer), so the cost of an event does not grow with
 * the number of documents stored. With several instances the periodic scan runs under a
 * lease, so one instance scans per interval, and it takes only entries older than the
 * sweep interval, which their writer would have published already; the scan at start
 * needs no lease, so that a restarted process publishes what it left behind at once. An
 * entry may be published twice (a crash between the acknowledgement and the removal, or
 * an instance starting while another publishes); never zero times.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 200;

	private static final Duration ROOM_CHECK = Duration.ofMillis(20);

	/** The time between full sweeps is at least this many times the last one's. */
	private static final int SWEEP_SPREAD = 20;

	/** The lease of the periodic scan, one per service (each has its own database). */
	static final String LEASE = "outbox-sweep";

	private final MongoOperations mongo;

	private final KafkaOperations<String, String> kafka;

	private final OutboxProperties properties;

	private final Leases leases;

	private final Clock clock;

	/** Documents known to hold entries not yet published, with when that was learnt. */
	private final Map<Waiting, Since> waiting = new ConcurrentHashMap<>();

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	private final AtomicLong changes = new AtomicLong();

	private ScheduledExecutorService executor;

	private volatile boolean failing;

	public OutboxRelay(MongoOperations mongo, KafkaOperations<String, String> kafka, OutboxProperties properties,
			Leases leases, Clock clock) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.leases = leases;
		this.clock = clock;
	}

	void publishSoon(String collection, Object documentId) {
		Instant now = this.clock.instant();
		long change = this.changes.incrementAndGet();
		this.waiting.merge(new Waiting(collection, documentId), new Since(now, change),
				(old, current) -> new Since(old.at(), current.change()));
		if (!this.properties.held() && this.executor != null && this.drainQueued.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.drainQueued.set(false);
				retrySafely();
			});
		}
	}

	/** See {@link Outbox#awaitRoom}. */
	void awaitRoom(int limit, Duration maxWait) {
		Instant giveUp = this.clock.instant().plus(maxWait);
		while (this.waiting.size() >= limit && !this.failing && !this.properties.held()
				&& this.clock.instant().isBefore(giveUp)) {
			try {
				Thread.sleep(ROOM_CHECK.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Unless another instance swept within the full-sweep interval, scans every outbox
	 * collection for documents with entries nothing published and publishes them, under
	 * the lease; and publishes whatever else is waiting.
	 * @return the number of entries published
	 */
	public int sweep() {
		if (this.properties.held()) {
			return 0;
		}
		return this.leases.runAlone(LEASE, this.properties.fullSweepInterval(), () -> {
			scan();
			return relayWaiting();
		}).orElseGet(this::relayWaiting);
	}

	/** The sweep at start: what this process left behind when it stopped is its own. */
	private int sweepAtStart() {
		if (this.properties.held()) {
			return 0;
		}
		scan();
		return relayWaiting();
	}

	/**
	 * Finds the documents holding entries older than the sweep interval.
	 * @return how many this process did not know of
	 */
	private int scan() {
		int found = 0;
		Instant now = this.clock.instant();
		Instant writtenBefore = now.minus(this.properties.sweepInterval());
		for (String collection : this.properties.collections()) {
			Query pending = new Query(Criteria.where(Outbox.FIELD + ".0.createdAt").lt(writtenBefore));
			pending.fields().include("_id");
			for (Document document : this.mongo.find(pending, Document.class, collection)) {
				if (this.waiting.putIfAbsent(new Waiting(collection, document.get("_id")),
						new Since(now, this.changes.incrementAndGet())) == null) {
					found++;
				}
			}
		}
		if (found > 0) {
			logger.info("Outbox sweep found {} documents with entries nothing was publishing", found);
		}
		return found;
	}

	/** What waits to be published, as far as this process knows. */
	public Backlog backlog() {
		Instant oldest = this.waiting.values().stream().map(Since::at).min(Instant::compareTo).orElse(null);
		return new Backlog(this.waiting.size(), oldest);
	}

	/**
	 * Publishes every waiting document, a batch at a time, until the broker fails.
	 * @return entries published
	 */
	private int relayWaiting() {
		if (this.properties.held()) {
			return 0;
		}
		int published = 0;
		Map<String, List<Map.Entry<Waiting, Since>>> byCollection = new LinkedHashMap<>();
		this.waiting.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.change(), b.change())))
			.forEach((entry) -> byCollection.computeIfAbsent(entry.getKey().collection(), (k) -> new ArrayList<>())
				.add(Map.entry(entry.getKey(), entry.getValue())));
		for (Map.Entry<String, List<Map.Entry<Waiting, Since>>> collection : byCollection.entrySet()) {
			List<Map.Entry<Waiting, Since>> documents = collection.getValue();
			for (int from = 0; from < documents.size(); from += BATCH) {
				int count = relay(collection.getKey(),
						documents.subList(from, Math.min(from + BATCH, documents.size())));
				if (count < 0) {
					return published;
				}
				published += count;
			}
		}
		return published;
	}

	/**
	 * @return entries published, or -1 when the broker failed and the rest must wait
	 */
	private int relay(String collection, List<Map.Entry<Waiting, Since>> batch) {
		Map<Object, Map.Entry<Waiting, Since>> byId = new LinkedHashMap<>();
		batch.forEach((entry) -> byId.put(entry.getKey().documentId(), entry));
		Query read = new Query(Criteria.where("_id").in(byId.keySet()));
		read.fields().include(Outbox.FIELD);
		List<Sending> sendings = new ArrayList<>();
		for (Document document : this.mongo.find(read, Document.class, collection)) {
			List<Document> entries = document.getList(Outbox.FIELD, Document.class, List.of());
			sendings.add(new Sending(byId.remove(document.get("_id")), entries, entries.stream()
				.map((entry) -> this.kafka.send(record(this.mongo.getConverter().read(OutboxEntry.class, entry))))
				.toList()));
		}
		// Gone, or published already: nothing waits in these.
		byId.values().forEach((entry) -> this.waiting.remove(entry.getKey(), entry.getValue()));
		BulkOperations removals = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
		List<Sending> sent = new ArrayList<>();
		int published = 0;
		try {
			for (Sending sending : sendings) {
				for (CompletableFuture<SendResult<String, String>> send : sending.sends()) {
					send.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				}
				if (!sending.entries().isEmpty()) {
					// Exactly the entries sent: any written meanwhile stay.
					removals.updateOne(new Query(Criteria.where("_id").is(sending.waiting().getKey().documentId())),
							new Update().pullAll(Outbox.FIELD, sending.entries().toArray()));
				}
				sent.add(sending);
				published += sending.entries().size();
			}
			recovered();
			return published;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (Exception ex) {
			failed(collection, ex);
			return -1;
		}
		finally {
			if (published > 0) {
				removals.execute();
			}
			// A document written again meanwhile keeps waiting: its newer entries are not
			// out.
			sent.forEach((sending) -> this.waiting.remove(sending.waiting().getKey(), sending.waiting().getValue()));
		}
	}

	private static ProducerRecord<String, String> record(OutboxEntry entry) {
		ProducerRecord<String, String> record = new ProducerRecord<>(entry.topic(), entry.key(), entry.payload());
		if (entry.traceparent() != null) {
			record.headers().add("traceparent", entry.traceparent().getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private void failed(String collection, Exception ex) {
		if (!this.failing) {
			logger.warn("Publishing the outbox of {} failed; retrying every {} s until the broker answers: {}",
					collection, this.properties.sweepInterval().toSeconds(), ex.toString());
		}
		this.failing = true;
	}

	private void recovered() {
		if (this.failing) {
			logger.info("Outbox relay publishes again");
		}
		this.failing = false;
	}

	/**
	 * Sweeps, and schedules the next sweep: after the full-sweep interval, or later when
	 * the sweep took long, so that scanning never takes more than a twentieth of the
	 * time. A scan reads every document of the collections (the embedded server has no
	 * index to find those with entries): at a million products it kept the wire server
	 * busy for about 30 s, every minute and a half.
	 */
	private void fullSweepSafely(boolean atStart) {
		Instant started = this.clock.instant();
		try {
			if (atStart) {
				sweepAtStart();
			}
			else {
				sweep();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox sweep failed: {}", ex.toString());
		}
		finally {
			Duration took = Duration.between(started, this.clock.instant());
			Duration next = nextSweepAfter(took, this.properties.fullSweepInterval());
			if (next.compareTo(this.properties.fullSweepInterval()) > 0) {
				logger.info("Outbox sweep of {} took {} ms; the next in {} s", this.properties.collections(),
						took.toMillis(), next.toSeconds());
			}
			ScheduledExecutorService executor = this.executor;
			if (executor != null && !executor.isShutdown()) {
				executor.schedule(() -> fullSweepSafely(false), next.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	static Duration nextSweepAfter(Duration took, Duration interval) {
		Duration spread = took.multipliedBy(SWEEP_SPREAD);
		return (spread.compareTo(interval) > 0) ? spread : interval;
	}

	private void retrySafely() {
		try {
			relayWaiting();
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.sweepInterval().toMillis();
		this.executor = executor;
		executor.execute(() -> fullSweepSafely(true));
		executor.scheduleWithFixedDelay(this::retrySafely, interval, interval, TimeUnit.MILLISECONDS);
		if (this.properties.held()) {
			logger.warn("Outbox relay is HELD (marketplace.outbox.held=true): events stay in their documents");
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * The documents waiting to be published.
	 *
	 * @param documents how many
	 * @param oldestSince since when the longest-waiting one has waited, or null
	 */
	public record Backlog(int documents, Instant oldestSince) {

	}

	private record Waiting(String collection, Object documentId) {

	}

	/** When a document was first known to wait, and the latest write that told so. */
	private record Since(Instant at, long change) {

	}

	private record Sending(Map.Entry<Waiting, Since> waiting, List<Document> entries,
			List<CompletableFuture<SendResult<String, String>>> sends) {

	}

}
