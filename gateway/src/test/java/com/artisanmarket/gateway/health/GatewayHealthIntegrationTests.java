package com.artisanmarket.gateway.health;

import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class GatewayHealthIntegrationTests {

	@Autowired
	HealthEndpoint health;

	@BeforeAll
	static void someDatabaseHoldsData() {
		try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
			client.getDatabase("identity").getCollection("accounts").insertOne(new Document("email", "a@example.com"));
		}
	}

	@Test
	void isReadyWhileMongoDbAnswersEvenWithDataInIt() {
		HealthDescriptor readiness = this.health.healthForPath("readiness");

		assertThat(readiness.getStatus()).isEqualTo(Status.UP);
		assertThat(((CompositeHealthDescriptor) readiness).getComponents()).containsKey("mongo");
	}

}
