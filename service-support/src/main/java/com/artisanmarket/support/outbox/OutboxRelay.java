package com.artisanmarket.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes outbox entries to Kafka and removes each from its document once the broker
 * has acknowledged it ({@code acks=all}, idempotent producer). One thread does all the
 * work, so a document's entries leave in the order they were written: right after a write
 * (the fast path) and in a periodic sweep over every outbox collection (the slow path,
 * for what a crash or an unreachable broker left behind). An entry may be published twice
 * (a crash between the acknowledgement and the removal); never zero times.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int SWEEP_BATCH = 100;

	private final MongoOperations mongo;

	private final KafkaOperations<String, String> kafka;

	private final OutboxProperties properties;

	private ScheduledExecutorService executor;

	private volatile boolean failing;

	public OutboxRelay(MongoOperations mongo, KafkaOperations<String, String> kafka, OutboxProperties properties) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
	}

	void publishSoon(String collection, Object documentId) {
		if (!this.properties.held() && this.executor != null) {
			this.executor.execute(() -> relay(collection, documentId));
		}
	}

	/**
	 * Publishes what is pending in every outbox collection, oldest documents first.
	 * @return the number of entries published
	 */
	public int sweep() {
		if (this.properties.held()) {
			return 0;
		}
		int published = 0;
		for (String collection : this.properties.collections()) {
			Query pending = new Query(Criteria.where(Outbox.FIELD + ".0").exists(true)).limit(SWEEP_BATCH);
			pending.fields().include("_id");
			for (Document document : this.mongo.find(pending, Document.class, collection)) {
				int count = relay(collection, document.get("_id"));
				if (count < 0) {
					return published;
				}
				published += count;
			}
		}
		return published;
	}

	/**
	 * The number of entries waiting in one collection.
	 * @param collection the collection
	 * @return how many documents in it have pending entries
	 */
	public long backlog(String collection) {
		return this.mongo.count(new Query(Criteria.where(Outbox.FIELD + ".0").exists(true)), collection);
	}

	/**
	 * @return entries published, or -1 when the broker failed and the rest must wait
	 */
	private int relay(String collection, Object documentId) {
		Query byId = new Query(Criteria.where("_id").is(documentId));
		byId.fields().include(Outbox.FIELD);
		Document document = this.mongo.findOne(byId, Document.class, collection);
		List<Document> entries = (document != null) ? document.getList(Outbox.FIELD, Document.class, List.of())
				: List.of();
		if (entries.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
		for (Document entry : entries) {
			sends.add(this.kafka.send(record(entry)));
		}
		int published = 0;
		try {
			for (int i = 0; i < sends.size(); i++) {
				sends.get(i).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				this.mongo.updateFirst(new Query(Criteria.where("_id").is(documentId)),
						new Update().pull(Outbox.FIELD, new Document("eventId", entries.get(i).getString("eventId"))),
						collection);
				published++;
			}
			recovered();
			return published;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (Exception ex) {
			failed(collection, documentId, ex);
			return -1;
		}
	}

	private static ProducerRecord<String, String> record(Document entry) {
		ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
				entry.getString("payload"));
		String traceparent = entry.getString("traceparent");
		if (traceparent != null) {
			record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private void failed(String collection, Object documentId, Exception ex) {
		if (!this.failing) {
			logger.warn("Publishing the outbox of {}/{} failed; retrying every {} s until the broker answers: {}",
					collection, documentId, this.properties.sweepInterval().toSeconds(), ex.toString());
		}
		this.failing = true;
	}

	private void recovered() {
		if (this.failing) {
			logger.info("Outbox relay publishes again");
		}
		this.failing = false;
	}

	private void sweepSafely() {
		try {
			int published = sweep();
			if (published > 0) {
				logger.info("Outbox sweep published {} entries left behind", published);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox sweep failed: {}", ex.toString());
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
		executor.scheduleWithFixedDelay(this::sweepSafely, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = executor;
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

}
