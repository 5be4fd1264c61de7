package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * The first calls after the stack started (or after a service was restarted) may find a
 * service still warming up and be answered 503 by the gateway: a test's setup tries
 * again, as the demo loader does.
 */
final class Settled {

	private Settled() {
	}

	static HttpResponse<String> call(Supplier<HttpResponse<String>> call) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(1))
			.until(call::get, (response) -> response.statusCode() != 503);
	}

}
