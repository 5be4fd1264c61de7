package com.artisanmarket.gateway.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import com.artisanmarket.testsupport.StandInServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: in compose and Kubernetes the panel knows a service by one name that stands
 * for all its instances (a service name, a headless Service). With {@code every-address}
 * it asks each address the name resolves to, and shows a row per instance. Here the name
 * resolves to two loopback addresses, each with its own stand-in on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "marketplace.gateway.operations.every-address=true")
@Import({ InfrastructureTestConfiguration.class, OperationsEveryAddressIntegrationTests.TwoInstances.class })
class OperationsEveryAddressIntegrationTests {

	private static final String NAME = "catalog-service.instances.test";

	private static final int PORT = freePort();

	/** Which stand-in each request reached. */
	private static final List<String> asked = new CopyOnWriteArrayList<>();

	private static final HttpServer first = standIn("127.0.0.1");

	private static final HttpServer second = standIn("127.0.0.2");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void managementPorts(DynamicPropertyRegistry registry) {
		String one = "http://127.0.0.1:" + PORT;
		registry.add("marketplace.gateway.management.artisan-service", () -> one);
		registry.add("marketplace.gateway.management.catalog-service", () -> "http://" + NAME + ":" + PORT);
		registry.add("marketplace.gateway.management.order-service", () -> one);
	}

	@AfterAll
	static void stop() {
		first.stop(0);
		second.stop(0);
	}

	@Test
	void showsARowForEveryAddressOfAName() throws IOException {
		HttpResponse<String> operations = OperationsIntegrationTests.operations(this.port);

		assertThat(operations.statusCode()).as(operations.body()).isEqualTo(200);
		assertThat(Http.json(operations).path("parts").findValuesAsString("name")).containsExactly("gateway",
				"artisan-service", "catalog-service", "catalog-service", "order-service", "kafka", "mongo");
		assertThat(Http.json(operations).path("parts").findValuesAsString("instance"))
			.containsExactly("127.0.0.1:" + PORT, "127.0.0.1:" + PORT, "127.0.0.2:" + PORT, "127.0.0.1:" + PORT);
		// Every row of a part answered (Kafka and MongoDB are judged from the parts'
		// components, which the stand-ins do not report).
		assertThat(Http.json(operations).path("parts").findValuesAsString("status")).startsWith("UP", "UP", "UP", "UP",
				"UP");
		// Three Actuator paths per row; the second instance was asked for its own.
		assertThat(asked).filteredOn("127.0.0.2"::equals).hasSize(3);
	}

	private static HttpServer standIn(String address) {
		return StandInServer.answering(new InetSocketAddress(address, PORT), "{\"status\":\"UP\"}",
				(exchange) -> asked.add(address));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TwoInstances {

		/**
		 * The name stands for two loopback addresses; every other host resolves as usual.
		 */
		@Bean
		InstanceAddresses instanceAddresses() {
			return new InstanceAddresses((host) -> NAME.equals(host)
					? new InetAddress[] { InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1") }
					: InetAddress.getAllByName(host));
		}

	}

}
