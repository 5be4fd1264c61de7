package com.artisanmarket.support.messaging;

import java.util.ArrayList;
import java.util.List;

import com.artisanmarket.events.MalformedEventException;
import com.artisanmarket.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumption that never stalls on one bad record: bounded retries, then the record goes
 * to {@code <topic>-dlt} with the error in its headers and the partition moves on. Also
 * creates the topics the service publishes to and reads from (when missing) and their
 * dead-letter topics.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class MessagingAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

	@Bean
	CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka, EventsProperties events) {
		IncomingEvents.refuse(events.refuseTypes());
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record, ex) -> {
			logger.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
					record.key(), rootMessage(ex));
			return new TopicPartition(Topics.deadLetter(record.topic()), -1);
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(events.retryInterval().toMillis(), events.retries()));
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics marketplaceTopics(EventsProperties events) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : events.publishes()) {
			topics.add(TopicBuilder.name(topic).partitions(events.partitions()).build());
		}
		for (String topic : events.consumes()) {
			// A consumer subscribed before its topic exists would wait for a metadata
			// refresh.
			topics.add(TopicBuilder.name(topic).partitions(events.partitions()).build());
			topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(events.partitions()).build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

}
