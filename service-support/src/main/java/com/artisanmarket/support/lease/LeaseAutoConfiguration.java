package com.artisanmarket.support.lease;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The leases of a service's single-instance jobs, in its own database's {@code leases}
 * collection.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoOperations.class)
public class LeaseAutoConfiguration {

	static final String COLLECTION = "leases";

	@Bean
	Leases leases(MongoOperations mongo) {
		return new Leases(new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getCollection(COLLECTION))));
	}

}
