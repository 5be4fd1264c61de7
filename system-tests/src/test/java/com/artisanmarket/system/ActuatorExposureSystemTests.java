package com.artisanmarket.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17, items 3 and 9: operational data is not public. On each part's public port
 * health says only {@code status}; metrics, health details and every other actuator
 * endpoint live on a management port bound to loopback, where Prometheus and the
 * operations panel read them.
 */
class ActuatorExposureSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@ParameterizedTest
	@ValueSource(strings = { Stack.GATEWAY, Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE })
	void thePublicPortAnswersHealthWithTheStatusAloneAndNoMetrics(String part) {
		String url = marketplace.url(part);

		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health",
				"/actuator/health/readiness", "/actuator/info", "/actuator/marketplace" }) {
			HttpResponse<String> response = Http.get(url + path);
			assertThat(response.statusCode()).as(part + path).isIn(401, 404);
			assertThat(response.body()).as(part + path)
				.doesNotContain("jvm_memory")
				.doesNotContain("components")
				.doesNotContain("mongo");
		}
		List<String> probes = part.equals(Stack.GATEWAY) ? List.of("/livez", "/readyz")
				: List.of("/livez", "/readyz", "/routable");
		for (String probe : probes) {
			HttpResponse<String> response = Http.get(url + probe);
			assertThat(response.statusCode()).as(part + probe).isEqualTo(200);
			assertThat(Http.json(response).propertyNames()).as(part + probe).containsExactly("status");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Stack.GATEWAY, Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE })
	void theManagementPortServesMetricsOnLoopbackOnly(String part) throws IOException {
		HttpResponse<String> metrics = Http.get(marketplace.managementUrl(part) + "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");

		InetAddress elsewhere = nonLoopbackAddress()
			.orElseThrow(() -> new IllegalStateException("this test needs a network interface besides loopback"));
		int port = marketplace.managementPort(part);
		try (Socket socket = new Socket()) {
			assertThatExceptionOfType(IOException.class).as("%s's management port %d on %s", part, port, elsewhere)
				.isThrownBy(() -> socket.connect(new InetSocketAddress(elsewhere, port), 2000));
		}
	}

	@Test
	void theGatewayExportsTheTimeOfEachRoutedCall() {
		assertThat(Http.get(marketplace.gatewayUrl() + "/api/products?size=1").statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> metrics = Http.get(marketplace.managementUrl(Stack.GATEWAY) + "/actuator/prometheus");
			assertThat(metrics.body()).containsPattern(
					"gateway_upstream_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"catalog-service\"");
		});
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces().filter((network) -> {
			try {
				return network.isUp() && !network.isLoopback();
			}
			catch (SocketException ex) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLinkLocalAddress() && !address.isLoopbackAddress())
			.findFirst();
	}

}
