package com.artisanmarket.gateway.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.TokenMint;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"marketplace.identity.throttle.per-account-and-address=3", "marketplace.identity.throttle.per-account=10",
		"marketplace.identity.throttle.per-address=1000", "marketplace.identity.throttle.first-delay=1m",
		"marketplace.identity.throttle.registrations-per-address=5", "marketplace.identity.trusted-proxies=127.0.0.1" })
@Import(InfrastructureTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class AuthIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void registersSignsInAndKnowsWhoIsSignedIn(CapturedOutput output) throws Exception {
		String email = "Nigora." + UUID.randomUUID() + "@Example.com";
		String password = "suzani-" + UUID.randomUUID();

		HttpResponse<String> registered = register(email, password, "Nigora", "BUYER");

		assertThat(registered.statusCode()).isEqualTo(201);
		assertThat(registered.headers().firstValue("Location")).hasValue("/api/auth/me");
		JsonNode user = Http.json(registered);
		assertThat(user.path("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(user.path("roles").toString()).isEqualTo("[\"BUYER\"]");
		assertThat(registered.body()).doesNotContain(password).doesNotContainIgnoringCase("hash");

		HttpResponse<String> login = login(email.toUpperCase(), password);
		assertThat(login.statusCode()).isEqualTo(200);
		JsonNode tokens = Http.json(login);
		assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
		assertThat(tokens.path("user").path("id").asString()).isEqualTo(user.path("id").asString());

		SignedJWT token = SignedJWT.parse(tokens.path("accessToken").asString());
		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.verify(new RSASSAVerifier(publishedKey(token.getHeader().getKeyID())))).isTrue();
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(user.path("id").asString());
		assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("BUYER");
		assertThat(Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
				token.getJWTClaimsSet().getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));

		HttpResponse<String> me = Http.get(url("/api/auth/me"),
				Map.of("Authorization", "Bearer " + tokens.path("accessToken").asString()));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(Http.json(me).path("email").asString()).isEqualTo(email.toLowerCase());

		assertThat(output.getAll()).as("no password in the logs").doesNotContain(password);
	}

	@Test
	void answersASignUpForATakenEmailLikeAnyOtherAndKeepsTheFirstAccount() {
		String email = "kamola." + UUID.randomUUID() + "@example.com";
		HttpResponse<String> first = register(email, "atlas-silk-123", "Kamola", "ARTISAN");
		assertThat(first.statusCode()).isEqualTo(201);

		HttpResponse<String> again = register("  " + email.toUpperCase() + " ", "another-password-1", "Kamola",
				"BUYER");

		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(Http.json(again).propertyNames()).isEqualTo(Http.json(first).propertyNames());
		assertThat(login(email, "another-password-1").statusCode()).isEqualTo(401);
		HttpResponse<String> owner = login(email, "atlas-silk-123");
		assertThat(owner.statusCode()).isEqualTo(200);
		assertThat(Http.json(owner).path("user").path("roles").toString()).isEqualTo("[\"ARTISAN\"]");
	}

	@Test
	void letsNoMoreOfEightyParallelGuessesReachThePasswordCheckThanTheFreeAttempts() throws Exception {
		String email = "target." + UUID.randomUUID() + "@example.com";
		register(email, "the-right-password", "Target", "BUYER");
		List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			String guess = "guess-" + i + "-password";
			guesses.add(() -> login(email, guess, "203.0.113.80"));
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			for (Future<HttpResponse<String>> answer : pool.invokeAll(guesses)) {
				statuses.add(answer.get().statusCode());
			}
		}

		assertThat(statuses).filteredOn((status) -> status == 401).as("answers that checked a password").hasSize(3);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(77);
	}

	@Test
	void aStrangersWrongGuessesDoNotLockTheOwnerOut() {
		String email = "owner." + UUID.randomUUID() + "@example.com";
		register(email, "the-owners-password", "Owner", "BUYER");
		for (int i = 0; i < 12; i++) {
			assertThat(login(email, "stranger-guess-" + i, "203.0.113.7").statusCode()).isIn(401, 429);
		}

		assertThat(login(email, "the-owners-password", "198.51.100.1").statusCode()).isEqualTo(200);
	}

	@Test
	void limitsSignUpsFromOneAddress() {
		String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 250);
		for (int i = 0; i < 5; i++) {
			assertThat(register("many" + i + "." + UUID.randomUUID() + "@example.com", "a-fine-password", "Many",
					"BUYER", address)
				.statusCode()).isEqualTo(201);
		}

		HttpResponse<String> sixth = register("many." + UUID.randomUUID() + "@example.com", "a-fine-password", "Many",
				"BUYER", address);

		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
		assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void refusesWeakPasswordsBadEmailsAndSelfMadeAdmins() {
		HttpResponse<String> response = Http.postJson(url("/api/auth/register"),
				Http.toJson(Map.of("email", "not-an-email", "password", "short", "displayName", "X", "role", "BUYER")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(fields(Http.json(response))).containsExactly("displayName", "email", "password");

		HttpResponse<String> admin = register("boss." + UUID.randomUUID() + "@example.com", "long-enough-pass", "Boss",
				"ADMIN");
		assertThat(admin.statusCode()).isEqualTo(400);
		assertThat(fields(Http.json(admin))).containsExactly("role");

		String email = "same." + UUID.randomUUID() + "@example.com";
		HttpResponse<String> sameAsEmail = register(email, email, "Same", "BUYER");
		assertThat(sameAsEmail.statusCode()).isEqualTo(400);
		assertThat(fields(Http.json(sameAsEmail))).containsExactly("password");
	}

	@Test
	void answersAWrongPasswordAndAnUnknownEmailAlike() {
		String email = "dilnoza." + UUID.randomUUID() + "@example.com";
		register(email, "right-password-1", "Dilnoza", "BUYER");

		HttpResponse<String> wrongPassword = login(email, "wrong-password-1");
		HttpResponse<String> unknownEmail = login("nobody." + UUID.randomUUID() + "@example.com", "wrong-password-1");

		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(unknownEmail.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
	}

	@Test
	void throttlesAnAccountAfterRepeatedFailuresEvenForTheRightPassword() {
		String email = "guessed." + UUID.randomUUID() + "@example.com";
		register(email, "the-right-password", "Guessed", "BUYER");
		for (int i = 0; i < 3; i++) {
			assertThat(login(email, "guess-" + i + "-password").statusCode()).isEqualTo(401);
		}

		HttpResponse<String> throttled = login(email, "the-right-password");

		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
		assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void createsTheAdminWithAGeneratedPasswordInAnOwnerOnlyFile() throws Exception {
		Path file = Path.of("target/test-data/admin-password");
		String password = Files.readString(file).trim();

		HttpResponse<String> login = login("admin@artisan-marketplace.local", password);

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(Http.json(login).path("user").path("roles").toString()).isEqualTo("[\"ADMIN\"]");
		assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
	}

	@Test
	void refusesMissingAndForgedTokens() throws Exception {
		HttpResponse<String> anonymous = Http.get(url("/api/auth/me"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		String email = "real." + UUID.randomUUID() + "@example.com";
		register(email, "a-real-password", "Real", "BUYER");
		String valid = Http.json(login(email, "a-real-password")).path("accessToken").asString();
		for (String forged : List.of(TokenMint.unsigned("someone", "ADMIN"),
				TokenMint.withNewKey().token("someone", "ADMIN"), TokenMint.tampered(valid))) {
			HttpResponse<String> response = Http.get(url("/api/auth/me"), Map.of("Authorization", "Bearer " + forged));
			assertThat(response.statusCode()).as(forged).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
		}
	}

	private RSAKey publishedKey(String keyId) throws Exception {
		JWKSet keys = JWKSet.parse(Http.get(url("/.well-known/jwks.json")).body());
		RSAKey key = (RSAKey) keys.getKeyByKeyId(keyId);
		assertThat(key.isPrivate()).as("only the public half is published").isFalse();
		return key;
	}

	/** A sign-up from an address of its own, as different people's would be. */
	private HttpResponse<String> register(String email, String password, String displayName, String role) {
		return register(email, password, displayName, role, "10." + ThreadLocalRandom.current().nextInt(1, 250) + "."
				+ ThreadLocalRandom.current().nextInt(1, 250) + ".1");
	}

	private HttpResponse<String> register(String email, String password, String displayName, String role,
			String clientAddress) {
		return Http.postJson(url("/api/auth/register"),
				Http.toJson(Map.of("email", email, "password", password, "displayName", displayName, "role", role)),
				Map.of("X-Forwarded-For", clientAddress));
	}

	private HttpResponse<String> login(String email, String password) {
		return Http.postJson(url("/api/auth/login"), Http.toJson(Map.of("email", email, "password", password)));
	}

	/** A sign-in through the trusted proxy (127.0.0.1) on behalf of this client. */
	private HttpResponse<String> login(String email, String password, String clientAddress) {
		return Http.postJson(url("/api/auth/login"), Http.toJson(Map.of("email", email, "password", password)),
				Map.of("X-Forwarded-For", clientAddress));
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private String url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path).toString();
	}

}
