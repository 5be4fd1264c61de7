package com.artisanmarket.support.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.EventsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The records this service dead-lettered, for operators: listed with the error that sent
 * them there, and replayed to their original topic once the cause is fixed. A record is
 * replayed once, whichever instance and however many are asked (a claim per record, see
 * {@link #claim}); the consumers apply an event id once, so even a replay that raced a
 * retry changes nothing twice.
 */
public class DeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	static final String REPLAYED = "replayedDeadLetters";

	private static final int MOST = 200;

	/** How long a claim to replay a record holds when its instance never completes it. */
	static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

	private final String service;

	private final EventsProperties events;

	private final KafkaAdmin kafkaAdmin;

	private final KafkaOperations<String, String> kafka;

	private final MongoOperations mongo;

	DeadLetters(String service, EventsProperties events, KafkaAdmin kafkaAdmin, KafkaOperations<String, String> kafka,
			MongoOperations mongo) {
		this.service = service;
		this.events = events;
		this.kafkaAdmin = kafkaAdmin;
		this.kafka = kafka;
		this.mongo = mongo;
	}

	/** The dead-lettered records, newest first, at most 200. */
	public List<Map<String, Object>> list() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records()) {
			rows.add(row(record));
		}
		rows.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("failedAt")).reversed());
		return rows.subList(0, Math.min(MOST, rows.size()));
	}

	/**
	 * Publishes one dead-lettered record (or, with a {@code null} topic, every one not
	 * replayed yet) to its original topic again.
	 * @return what was done, per record
	 */
	public List<Map<String, Object>> replay(String topic, Integer partition, Long offset) {
		List<Map<String, Object>> done = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records()) {
			boolean chosen = (topic == null) || (record.topic().equals(topic) && partition != null
					&& record.partition() == partition && offset != null && record.offset() == offset);
			if (chosen) {
				done.add(replay(record));
			}
		}
		return done;
	}

	private Map<String, Object> replay(ConsumerRecord<String, String> record) {
		String id = id(record);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", id);
		String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		ProducerRecord<String, String> copy = new ProducerRecord<>(
				(original != null) ? original : record.topic().replaceFirst("-dlt$", ""), record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt")) {
				copy.headers().add(header);
			}
		}
		Instant claimedAt = claim(id);
		if (claimedAt == null) {
			result.put("result", "ALREADY_REPLAYED");
			return result;
		}
		Query mine = new Query(Criteria.where("_id").is(id).and("claimedAt").is(claimedAt));
		try {
			this.kafka.send(copy).get(10, TimeUnit.SECONDS);
			this.mongo.updateFirst(mine,
					new Update().set("replayedAt", Date.from(Instant.now())).set("to", copy.topic()), REPLAYED);
			logger.info("Replayed the dead letter {} to {}", id, copy.topic());
			result.put("result", "REPLAYED");
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			this.mongo.remove(mine, REPLAYED);
			result.put("result", "FAILED");
			result.put("error", ex.getMessage());
		}
		return result;
	}

	/**
	 * Claims a record for replay, so that of several instances asked at once one sends
	 * it: a marker inserted before the copy is sent (the insert of the same id fails for
	 * every other), completed with {@code replayedAt} once the broker took the copy. A
	 * claim left incomplete for {@link #CLAIM_TIMEOUT} (its instance died while sending)
	 * may be taken over, so a record may go out twice after a crash, never zero times.
	 * @return the time of this instance's claim, or null when the record is replayed or
	 * being replayed
	 */
	private Instant claim(String id) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		try {
			this.mongo.insert(new Document("_id", id).append("claimedAt", Date.from(now)), REPLAYED);
			return now;
		}
		catch (DuplicateKeyException ex) {
			Query abandoned = new Query(Criteria.where("_id")
				.is(id)
				.and("replayedAt")
				.exists(false)
				.and("claimedAt")
				.lt(Date.from(now.minus(CLAIM_TIMEOUT))));
			return (this.mongo.updateFirst(abandoned, Update.update("claimedAt", Date.from(now)), REPLAYED)
				.getModifiedCount() == 1) ? now : null;
		}
	}

	private List<ConsumerRecord<String, String>> records() {
		List<TopicPartition> partitions = new ArrayList<>();
		Map<String, Object> config = new LinkedHashMap<>(this.kafkaAdmin.getConfigurationProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.service + "-dead-letters-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			for (String topic : this.events.consumes()) {
				String deadLetter = Topics.deadLetter(topic);
				consumer.partitionsFor(deadLetter, Duration.ofSeconds(3))
					.forEach((info) -> partitions.add(new TopicPartition(deadLetter, info.partition())));
			}
			if (partitions.isEmpty()) {
				return records;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(3));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	private Map<String, Object> row(ConsumerRecord<String, String> record) {
		Map<String, Object> row = new LinkedHashMap<>();
		String id = id(record);
		row.put("id", id);
		row.put("topic", record.topic());
		row.put("partition", record.partition());
		row.put("offset", record.offset());
		row.put("key", record.key());
		row.put("originalTopic", header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC));
		row.put("error", header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
		row.put("failedAt", Instant.ofEpochMilli(record.timestamp()).toString());
		String value = String.valueOf(record.value());
		row.put("value", (value.length() > 300) ? value.substring(0, 300) + "…" : value);
		Document replayed = this.mongo.findById(id, Document.class, REPLAYED);
		Date replayedAt = (replayed != null) ? replayed.getDate("replayedAt") : null;
		row.put("replayedAt", (replayedAt != null) ? replayedAt.toInstant().toString() : null);
		return row;
	}

	private static String id(ConsumerRecord<String, String> record) {
		return record.topic() + "-" + record.partition() + "-" + record.offset();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
