package com.artisanmarket.support.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB's part of a service's health: the server answers {@code ping}. Replaces Spring
 * Boot's indicator, which sends {@code hello} to every database: the embedded wire server
 * has no {@code hello}, so Boot's reports DOWN as soon as any database exists.
 * {@code ping} works on real MongoDB and on the embedded server alike.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoClient client;

	private final String database;

	MongoPingHealthIndicator(MongoClient client, String database) {
		super("MongoDB health check failed");
		this.client = client;
		this.database = database;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.client.getDatabase(this.database).runCommand(new Document("ping", 1));
		builder.status((answer.get("ok", Number.class).doubleValue() == 1.0) ? "UP" : "DOWN")
			.withDetail("database", this.database);
	}

}
