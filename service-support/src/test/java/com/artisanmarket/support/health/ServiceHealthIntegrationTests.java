package com.artisanmarket.support.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ServiceHealthIntegrationTests.TestService.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.mongodb.database=service-support-tests")
class ServiceHealthIntegrationTests {

	@Autowired
	HealthEndpoint health;

	@LocalServerPort
	int port;

	@BeforeAll
	static void someDatabaseHoldsData() {
		try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
			client.getDatabase("service-support-tests").getCollection("things").insertOne(new Document("n", 1));
		}
	}

	@Test
	void readinessCoversMongoAndKafkaAndIsUpWhenBothAnswerEvenWithDataInMongo() {
		HealthDescriptor readiness = this.health.healthForPath("readiness");

		assertThat(readiness.getStatus()).isEqualTo(Status.UP);
		assertThat(readiness).isInstanceOf(CompositeHealthDescriptor.class);
		assertThat(((CompositeHealthDescriptor) readiness).getComponents()).containsKeys("mongo", "kafka",
				"readinessState");
	}

	@Test
	void routingCoversMongoButNotKafkaAndIsServedOnThePublicPort() throws Exception {
		HealthDescriptor routing = this.health.healthForPath("routing");

		assertThat(routing.getStatus()).isEqualTo(Status.UP);
		assertThat(((CompositeHealthDescriptor) routing).getComponents()).containsOnlyKeys("mongo", "readinessState");
		HttpResponse<String> routable = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/routable")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(routable.statusCode()).isEqualTo(200);
		assertThat(routable.body()).contains("UP").doesNotContain("kafka");
	}

	@SpringBootApplication
	@Import(InfrastructureTestConfiguration.class)
	static class TestService {

	}

}
