package com.artisanmarket.support.operations;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.EventsProperties;
import com.artisanmarket.support.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What an operator wants to know about one service, gathered on demand and kept for a
 * couple of seconds: version and uptime, the outbox's backlog and the age of its oldest
 * unpublished event, the dead-letter topics' sizes, the consumer group's lag per
 * partition, and whatever the service contributes. A part that cannot be asked (Kafka
 * down) is reported as unknown, never as an error.
 */
public class OperationsSnapshot implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OperationsSnapshot.class);

	private static final Duration FRESH_FOR = Duration.ofSeconds(2);

	private static final long KAFKA_TIMEOUT_MS = 2000;

	private final String service;

	private final String version;

	private final OutboxRelay relay;

	private final EventsProperties events;

	private final String consumerGroup;

	private final KafkaAdmin kafkaAdmin;

	private final List<OperationsContributor> contributors;

	private final Clock clock;

	private Admin admin;

	private Map<String, Object> last;

	private Instant lastAt = Instant.MIN;

	OperationsSnapshot(String service, BuildProperties build, OutboxRelay relay, EventsProperties events,
			String consumerGroup, KafkaAdmin kafkaAdmin, List<OperationsContributor> contributors, Clock clock) {
		this.service = service;
		this.version = (build != null) ? build.getVersion() : "unknown";
		this.relay = relay;
		this.events = events;
		this.consumerGroup = consumerGroup;
		this.kafkaAdmin = kafkaAdmin;
		this.contributors = contributors;
		this.clock = clock;
	}

	/** The snapshot, at most a couple of seconds old. */
	public synchronized Map<String, Object> current() {
		Instant now = this.clock.instant();
		if (this.last == null || now.isAfter(this.lastAt.plus(FRESH_FOR))) {
			this.last = take(now);
			this.lastAt = now;
		}
		return this.last;
	}

	private Map<String, Object> take(Instant now) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("service", this.service);
		snapshot.put("version", this.version);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		snapshot.put("startedAt", now.minusMillis(uptime).toString());
		snapshot.put("uptimeSeconds", uptime / 1000);
		snapshot.put("outbox", outbox(now));
		try {
			snapshot.put("deadLetters", deadLetters());
			snapshot.put("consumerLag", consumerLag());
		}
		catch (Exception ex) {
			logger.debug("Kafka could not be asked for offsets", ex);
			snapshot.put("deadLetters", null);
			snapshot.put("consumerLag", null);
			snapshot.put("kafkaError", rootMessage(ex));
		}
		for (OperationsContributor contributor : this.contributors) {
			contributor.contribute(snapshot);
		}
		return snapshot;
	}

	private Map<String, Object> outbox(Instant now) {
		OutboxRelay.Backlog waiting = this.relay.backlog();
		Map<String, Object> backlog = new LinkedHashMap<>();
		backlog.put("documents", waiting.documents());
		backlog.put("oldestAgeSeconds",
				(waiting.oldestSince() != null) ? Duration.between(waiting.oldestSince(), now).toSeconds() : null);
		return backlog;
	}

	/** Records in each dead-letter topic of the topics this service consumes. */
	private Map<String, Long> deadLetters() throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String topic : this.events.consumes()) {
			String deadLetter = Topics.deadLetter(topic);
			Set<TopicPartition> partitions = partitions(deadLetter);
			Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
			Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
			counts.put(deadLetter,
					partitions.stream()
						.mapToLong((p) -> latest.getOrDefault(p, 0L) - earliest.getOrDefault(p, 0L))
						.sum());
		}
		return counts;
	}

	/**
	 * How far this service's consumer group is behind, per partition it has committed.
	 */
	private List<Map<String, Object>> consumerLag() throws Exception {
		if (this.events.consumes().isEmpty()) {
			return List.of();
		}
		Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(this.consumerGroup)
			.partitionsToOffsetAndMetadata()
			.get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
		Set<TopicPartition> partitions = new TreeSet<>(
				Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
		for (String topic : this.events.consumes()) {
			partitions.addAll(partitions(topic));
		}
		Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
		List<Map<String, Object>> lag = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata done = committed.get(partition);
			long end = latest.getOrDefault(partition, 0L);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("group", this.consumerGroup);
			row.put("topic", partition.topic());
			row.put("partition", partition.partition());
			row.put("lag", end - ((done != null) ? done.offset() : 0L));
			lag.add(row);
		}
		return lag;
	}

	private Set<TopicPartition> partitions(String topic) throws Exception {
		return admin().describeTopics(List.of(topic))
			.allTopicNames()
			.get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS)
			.get(topic)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.collect(Collectors.toSet());
	}

	private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, ListOffsetsResultInfo> answer = admin()
			.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), (p) -> spec)))
			.all()
			.get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
		return answer.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			Map<String, Object> config = new LinkedHashMap<>(this.kafkaAdmin.getConfigurationProperties());
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MS);
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MS);
			config.put(AdminClientConfig.CLIENT_ID_CONFIG, this.service + "-operations");
			this.admin = Admin.create(config);
		}
		return this.admin;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

}
