package com.artisanmarket.support.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.artisanmarket.support.security.AuthorizationRules;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that no controller method sees as they were meant: each is answered with a 4xx
 * in {@code application/problem+json}, never a 500 or an empty body (issue 17's bad-input
 * suite found each of these).
 */
@SpringBootTest(classes = ProblemDetailsIntegrationTests.TestService.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mongodb.database=service-support-problem-tests",
				// As every service sets it in its application.yml.
				"spring.mvc.formcontent.filter.enabled=false" })
class ProblemDetailsIntegrationTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void aMultipartContentTypeWithoutAMultipartBodyIsA400() throws Exception {
		HttpResponse<String> response = send("GET", "/probe/search", Map.of("Content-Type", "multipart/form-data"),
				null);

		assertProblem(response, 400);
	}

	@Test
	void aMultipartBodyCutShortIsA400() throws Exception {
		HttpResponse<String> response = send("POST", "/probe/body",
				Map.of("Content-Type", "multipart/form-data; boundary=xyz"),
				"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc");

		assertProblem(response, 400);
	}

	@Test
	void aQueryParameterNamingAPropertyOfAPropertyIsIgnored() throws Exception {
		HttpResponse<String> response = send("GET", "/probe/search?q.q=x&ids", Map.of(), null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void anAcceptHeaderThatCannotBeParsedStillGetsTheProblemBody() throws Exception {
		HttpResponse<String> response = send("POST", "/probe/body",
				Map.of("Content-Type", "application/json", "Accept", "*/*;q=abc"),
				"{\"name\": \"" + "n".repeat(20) + "\"}");

		assertProblem(response, 400);
	}

	@Test
	void anAcceptHeaderThatExcludesJsonStillGetsTheProblemBody() throws Exception {
		HttpResponse<String> response = send("POST", "/probe/body",
				Map.of("Content-Type", "application/json", "Accept", "image/png"),
				"{\"name\": \"" + "n".repeat(20) + "\"}");

		assertThat(response.statusCode()).isBetween(400, 499);
		assertProblem(response, response.statusCode());
	}

	@Test
	void aWildcardContentTypeIsA415() throws Exception {
		HttpResponse<String> response = send("POST", "/probe/body", Map.of("Content-Type", "application/*"),
				"{\"name\": \"n\"}");

		assertProblem(response, 415);
	}

	@Test
	void aQueryThatIsNotUtf8IsA400() throws Exception {
		HttpResponse<String> response = send("GET", "/probe/search?q=%E2", Map.of(), null);

		assertProblem(response, 400);
	}

	@Test
	void aPathThatIsNotUtf8IsA400Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/probe/%ff%fe", Map.of(), null);

		assertProblem(response, 400);
	}

	@Test
	void aBodySentAsAFormThatIsNoFormIsAProblemNotA500() throws Exception {
		HttpResponse<String> response = send("DELETE", "/probe/body",
				Map.of("Content-Type", "application/x-www-form-urlencoded"), "name=%ZZ%");

		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		assertProblem(response, response.statusCode());
	}

	@Test
	void anUnexpectedFailureIsA500Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/probe/boom", Map.of(), null);

		assertProblem(response, 500);
		assertThat(response.body()).doesNotContain("secret");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	@Import(InfrastructureTestConfiguration.class)
	static class TestService {

		@Bean
		AuthorizationRules probesAreOpen() {
			return (requests) -> requests.requestMatchers("/probe/**").permitAll();
		}

		@Bean
		Probe probe() {
			return new Probe();
		}

	}

	@RestController
	static class Probe {

		@GetMapping("/probe/search")
		Search search(@Valid Search search, @Valid PageRequest page) {
			return search;
		}

		@PostMapping("/probe/body")
		Named body(@Valid @RequestBody Named named) {
			return named;
		}

		@GetMapping("/probe/boom")
		Named boom() {
			throw new IllegalStateException("a secret went wrong");
		}

	}

	record Search(@Size(max = 10) String q, String country) {

	}

	record Named(@Size(max = 10) String name) {

	}

}
