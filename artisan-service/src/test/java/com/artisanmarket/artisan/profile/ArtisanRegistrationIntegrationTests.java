package com.artisanmarket.artisan.profile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TestInfrastructure;
import com.artisanmarket.testsupport.TestTokens;
import com.artisanmarket.testsupport.TokenMint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureTestConfiguration.class)
class ArtisanRegistrationIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void registersAProfileAndPublishesArtisanRegistered() {
		String owner = "artisan-" + UUID.randomUUID();
		HttpResponse<String> created = Http.postJson(url("/api/artisans"),
				Http.toJson(Map.of("displayName", "Şəki Silk House", "craft", "kelaghayi silk scarves", "story",
						"Three generations of silk printing.", "city", "Şəki", "country", "AZ", "languages",
						List.of("az", "ru"), "links", List.of("https://sheki-silk.example"))),
				asArtisan(owner));

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = Http.json(created);
		String id = body.path("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/artisans/" + id);
		assertThat(body.path("status").asString()).isEqualTo("PENDING");
		assertThat(body.path("ownerId").asString()).isEqualTo(owner);
		assertThat(body.path("city").asString()).isEqualTo("Şəki");
		assertThat(body.has("outbox")).isFalse();

		HttpResponse<String> read = Http.get(url("/api/artisans/" + id));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Http.json(read).path("displayName").asString()).isEqualTo("Şəki Silk House");

		ConsumerRecord<String, String> record = awaitEvent(id);
		assertThat(EventJson.read(record.value())).hasValueSatisfying((envelope) -> {
			assertThat(envelope.type()).isEqualTo("ArtisanRegistered");
			assertThat(envelope.source()).isEqualTo("/artisan-service");
			assertThat(envelope.data()).isInstanceOfSatisfying(ArtisanRegistered.class, (event) -> {
				assertThat(event.displayName()).isEqualTo("Şəki Silk House");
				assertThat(event.country()).isEqualTo("AZ");
				assertThat(event.status()).isEqualTo(Status.PENDING);
				assertThat(event.ownerId()).isEqualTo(owner);
			});
		});
	}

	@Test
	void refusesAnInvalidProfileWithAnErrorPerField() {
		HttpResponse<String> response = Http.postJson(
				url("/api/artisans"), Http.toJson(Map.of("displayName", "", "craft", "woodcarving", "city", "Khiva",
						"country", "Uzbekistan", "links", List.of("ftp://khiva"))),
				asArtisan("artisan-" + UUID.randomUUID()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = Http.json(response);
		assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).containsExactly("country", "displayName", "displayName", "links[0]");
	}

	@Test
	void refusesMalformedJson() {
		HttpResponse<String> response = Http.postJson(url("/api/artisans"), "{\"displayName\": ",
				asArtisan("artisan-" + UUID.randomUUID()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Malformed request");
	}

	@Test
	void allowsOneProfilePerAccount() {
		Map<String, String> owner = asArtisan("artisan-" + UUID.randomUUID());
		assertThat(Http.postJson(url("/api/artisans"), validProfile("Rishtan Blue"), owner).statusCode())
			.isEqualTo(201);

		HttpResponse<String> second = Http.postJson(url("/api/artisans"), validProfile("Rishtan Blue II"), owner);

		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(Http.json(second).path("title").asString()).isEqualTo("Conflict");
	}

	@Test
	void decidesWhoMayRegisterBeforeLookingAtTheBody() {
		HttpResponse<String> anonymous = Http.postJson(url("/api/artisans"), "{\"not\": \"valid\"}");
		HttpResponse<String> buyer = Http.postJson(url("/api/artisans"), "{\"not\": \"valid\"}",
				Map.of("Authorization", TestTokens.bearer("buyer-" + UUID.randomUUID(), "BUYER")));

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(buyer.statusCode()).isEqualTo(403);
		assertThat(Http.json(buyer).path("title").asString()).isEqualTo("Forbidden");
	}

	@Test
	void refusesForgedTokens() {
		TokenMint stranger = TokenMint.withNewKey();
		String valid = TestTokens.token("artisan-" + UUID.randomUUID(), "ARTISAN");
		for (String forged : List.of(TokenMint.unsigned("a-1", "ARTISAN"), stranger.token("a-1", "ARTISAN"),
				TestTokens.get().mint().expired("a-1", "ARTISAN"), TokenMint.tampered(valid), "not-a-jwt")) {
			HttpResponse<String> response = Http.postJson(url("/api/artisans"), validProfile("Forged"),
					Map.of("Authorization", "Bearer " + forged));
			assertThat(response.statusCode()).as(forged).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
		}
	}

	@Test
	void answers404ForAnUnknownArtisan() {
		HttpResponse<String> response = Http.get(url("/api/artisans/" + UUID.randomUUID()));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Not found");
	}

	private ConsumerRecord<String, String> awaitEvent(String artisanId) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.ARTISAN_EVENTS));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			return await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().filter((record) -> artisanId.equals(record.key())).findFirst().orElse(null);
			}, (record) -> record != null);
		}
	}

	private static Map<String, String> asArtisan(String accountId) {
		return Map.of("Authorization", TestTokens.bearer(accountId, "ARTISAN"));
	}

	private static String validProfile(String displayName) {
		return Http.toJson(Map.of("displayName", displayName, "craft", "ceramics", "city", "Rishtan", "country", "UZ"));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
