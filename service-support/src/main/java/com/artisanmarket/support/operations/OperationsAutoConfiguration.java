package com.artisanmarket.support.operations;

import java.time.Clock;

import com.artisanmarket.support.messaging.EventsProperties;
import com.artisanmarket.support.outbox.OutboxRelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;

/** The operations snapshot, its actuator endpoint and its metrics, in every service. */
@AutoConfiguration
public class OperationsAutoConfiguration {

	@Bean
	OperationsSnapshot operationsSnapshot(@Value("${spring.application.name:application}") String service,
			ObjectProvider<BuildProperties> build, OutboxRelay relay, EventsProperties events,
			@Value("${spring.kafka.consumer.group-id:${spring.application.name:application}}") String group,
			KafkaAdmin kafkaAdmin, ObjectProvider<OperationsContributor> contributors) {
		return new OperationsSnapshot(service, build.getIfAvailable(), relay, events, group, kafkaAdmin,
				contributors.orderedStream().toList(), Clock.systemUTC());
	}

	@Bean
	DeadLetters deadLetters(@Value("${spring.application.name:application}") String service, EventsProperties events,
			KafkaAdmin kafkaAdmin, KafkaOperations<String, String> kafka, MongoOperations mongo) {
		return new DeadLetters(service, events, kafkaAdmin, kafka, mongo);
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
		return new DeadLettersEndpoint(deadLetters);
	}

	@Bean
	OperationsEndpoint operationsEndpoint(OperationsSnapshot snapshot) {
		return new OperationsEndpoint(snapshot);
	}

	@Bean
	OperationsMetrics operationsMetrics(OperationsSnapshot snapshot, EventsProperties events) {
		return new OperationsMetrics(snapshot, events);
	}

}
