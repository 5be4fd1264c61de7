package com.artisanmarket.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV import takes longer than other calls: the gateway waits for it beyond the time
 * limit every other route keeps. The stand-in catalogue answers everything after 2 s; the
 * default time limit is lowered to 1 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "resilience4j.timelimiter.configs.default.timeout-duration=1s")
@Import(InfrastructureTestConfiguration.class)
class ImportRouteIntegrationTests {

	private static final HttpServer slowCatalogue = StandInServer.answering("{\"rows\":0}", (exchange) -> {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	});

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("marketplace.gateway.services.catalog-service",
				() -> "http://127.0.0.1:" + slowCatalogue.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		slowCatalogue.stop(0);
	}

	@Test
	void waitsForASlowImportButNotForOtherCatalogueCalls() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest importing = HttpRequest.newBuilder(URI.create(url("/api/products/import")))
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("key,title\n"))
			.build();
		HttpRequest reading = HttpRequest.newBuilder(URI.create(url("/api/products/x")))
			.timeout(Duration.ofSeconds(20))
			.build();

		HttpResponse<String> imported = client.send(importing, HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> read = client.send(reading, HttpResponse.BodyHandlers.ofString());

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(imported.body()).isEqualTo("{\"rows\":0}");
		assertThat(read.statusCode()).isEqualTo(503);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
