package com.artisanmarket.support.outbox;

import java.time.Clock;

import com.artisanmarket.support.lease.LeaseAutoConfiguration;
import com.artisanmarket.support.lease.Leases;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The outbox and its relay, for every service that stores in MongoDB and publishes to
 * Kafka.
 */
@AutoConfiguration(after = LeaseAutoConfiguration.class,
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnBean({ MongoOperations.class, KafkaOperations.class })
public class OutboxAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(MongoOperations mongo, KafkaOperations<String, String> kafka, OutboxProperties properties,
			Leases leases, Clock clock) {
		return new OutboxRelay(mongo, kafka, properties, leases, clock);
	}

	@Bean
	Outbox outbox(@Value("${spring.application.name:application}") String source, OutboxRelay relay, Clock clock,
			ObjectProvider<Tracer> tracer) {
		return new Outbox(source, clock, new TraceparentSource(tracer), relay);
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
