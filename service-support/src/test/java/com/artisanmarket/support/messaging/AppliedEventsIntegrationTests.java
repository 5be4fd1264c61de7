package com.artisanmarket.support.messaging;

import java.util.UUID;

import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = AppliedEventsIntegrationTests.TestService.class,
		properties = "spring.mongodb.database=applied-events-tests")
class AppliedEventsIntegrationTests {

	@Autowired
	MongoOperations mongo;

	@Test
	void appliesAnEventOnceHoweverOftenItIsDelivered() {
		String id = UUID.randomUUID().toString();
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();

		assertThat(apply(id, first)).isTrue();
		assertThat(apply(id, first)).isFalse();
		assertThat(apply(id, second)).isTrue();
		assertThat(apply(id, second)).isFalse();

		Document stored = this.mongo.findById(id, Document.class, "counters");
		assertThat(stored.getInteger("count")).isEqualTo(2);
		assertThat(stored.getList(AppliedEvents.FIELD, String.class)).containsExactly(first, second);
	}

	@Test
	void keepsOnlyTheLatestIds() {
		String id = UUID.randomUUID().toString();
		for (int i = 0; i < AppliedEvents.KEEP + 5; i++) {
			apply(id, "event-" + i);
		}

		Document stored = this.mongo.findById(id, Document.class, "counters");
		assertThat(stored.getList(AppliedEvents.FIELD, String.class)).hasSize(AppliedEvents.KEEP)
			.startsWith("event-5")
			.endsWith("event-" + (AppliedEvents.KEEP + 4));
	}

	private boolean apply(String id, String eventId) {
		Query query = new Query(Criteria.where("_id").is(id).andOperator(AppliedEvents.notYet(eventId)));
		try {
			this.mongo.upsert(query, AppliedEvents.mark(new Update().inc("count", 1), eventId), "counters");
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@SpringBootApplication
	@Import(InfrastructureTestConfiguration.class)
	static class TestService {

	}

}
