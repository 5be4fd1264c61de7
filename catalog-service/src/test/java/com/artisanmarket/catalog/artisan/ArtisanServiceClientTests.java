package com.artisanmarket.catalog.artisan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.artisanmarket.support.web.ServiceUnavailableException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 19: catalog-service asks any artisan-service instance for a caller's profile; one
 * that is down costs a second attempt at the next, not an error. Against a real HTTP
 * server standing in for artisan-service and a port nothing listens on.
 */
class ArtisanServiceClientTests {

	private static final String PROFILE = """
			{"id":"a-1","ownerId":"u-1","displayName":"Rishtan Blue","craft":"ceramics","city":"Rishtan",
			"country":"UZ","status":"VERIFIED"}""";

	private final AtomicInteger asked = new AtomicInteger();

	private HttpServer artisans;

	@AfterEach
	void stop() {
		if (this.artisans != null) {
			this.artisans.stop(0);
		}
	}

	@Test
	void anInstanceThatIsDownCostsAnAttemptAtTheNext() throws IOException {
		ArtisanServiceClient client = client(List.of(URI.create("http://127.0.0.1:" + closedPort()), standIn()));

		for (int i = 0; i < 4; i++) {
			assertThat(client.myProfile("Bearer t")).hasValueSatisfying((profile) -> {
				assertThat(profile.id()).isEqualTo("a-1");
				assertThat(profile.displayName()).isEqualTo("Rishtan Blue");
			});
		}
		assertThat(this.asked).hasValue(4);
	}

	@Test
	void noInstanceAnsweringIsServiceUnavailable() throws IOException {
		ArtisanServiceClient client = client(List.of(URI.create("http://127.0.0.1:" + closedPort()),
				URI.create("http://127.0.0.1:" + closedPort())));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> client.myProfile("Bearer t"));
	}

	private ArtisanServiceClient client(List<URI> instances) {
		return new ArtisanServiceClient(
				new ArtisanServiceProperties(instances, Duration.ofSeconds(1), Duration.ofSeconds(2)),
				RestClient.builder());
	}

	private URI standIn() throws IOException {
		this.artisans = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.artisans.createContext("/api/artisans/me", (exchange) -> {
			this.asked.incrementAndGet();
			byte[] body = PROFILE.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.artisans.start();
		return URI.create("http://127.0.0.1:" + this.artisans.getAddress().getPort());
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
