package com.artisanmarket.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * MongoDB and Kafka in every service's health, and so in its readiness group: Kafka
 * because Spring Boot has no indicator for it, MongoDB because Boot's does not work on
 * the embedded server.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration" },
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class HealthAutoConfiguration {

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	@ConditionalOnBean(MongoClient.class)
	@ConditionalOnMissingBean(name = "mongoHealthContributor")
	MongoPingHealthIndicator mongoHealthContributor(MongoClient client, Environment environment) {
		return new MongoPingHealthIndicator(client, environment.getProperty("spring.mongodb.database", "admin"));
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
		return new KafkaHealthIndicator(config, KAFKA_TIMEOUT);
	}

}
