package com.artisanmarket.testsupport;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestInfrastructureIntegrationTests {

	private final TestInfrastructure infrastructure = TestInfrastructure.get();

	@Test
	void isStartedOncePerJvm() {
		assertThat(TestInfrastructure.get()).isSameAs(this.infrastructure);
	}

	@Test
	void servesMongoDb() {
		try (MongoClient client = MongoClients.create(this.infrastructure.mongoUri())) {
			MongoCollection<Document> things = client.getDatabase("test-support").getCollection("things");
			things.insertOne(new Document("_id", "t-1").append("craft", "ceramics"));

			assertThat(things.find(new Document("_id", "t-1")).first()).containsEntry("craft", "ceramics");
		}
	}

	@Test
	void servesKafka() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers()))) {
			assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
		}
	}

	@Test
	void honoursAnExplicitModeAndRejectsAnUnknownOne() {
		assertThat(TestInfrastructure.Mode.resolve("embedded")).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
		assertThat(TestInfrastructure.Mode.resolve("Containers")).isEqualTo(TestInfrastructure.Mode.CONTAINERS);
		assertThatIllegalArgumentException().isThrownBy(() -> TestInfrastructure.Mode.resolve("docker"))
			.withMessageContaining("marketplace.test.infra");
	}

}
