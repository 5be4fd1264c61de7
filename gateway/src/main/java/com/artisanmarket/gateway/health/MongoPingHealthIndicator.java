package com.artisanmarket.gateway.health;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB's part of the gateway's health: the server answers {@code ping}. Replaces
 * Spring Boot's indicator, whose {@code hello} the embedded wire server does not know.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	private final String database;

	MongoPingHealthIndicator(ReactiveMongoTemplate mongo, @Value("${spring.mongodb.database}") String database) {
		super("MongoDB health check failed");
		this.mongo = mongo;
		this.database = database;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.executeCommand(new Document("ping", 1))
			.map((answer) -> builder.status((answer.get("ok", Number.class).doubleValue() == 1.0) ? "UP" : "DOWN")
				.withDetail("database", this.database)
				.build());
	}

}
