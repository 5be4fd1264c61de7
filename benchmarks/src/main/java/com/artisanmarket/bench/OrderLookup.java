package com.artisanmarket.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.artisanmarket.bench.load.CheckoutOutcome;

/**
 * Asks order-service itself, past the gateway and as the admin, what became of the orders
 * whose buyers stopped following them while they were {@code PENDING}: their polls may
 * have failed (the gateway sheds load with 503) or their follow-up time ran out. So
 * "every order became final" is the saga's answer, not only what the buyers managed to
 * see.
 */
final class OrderLookup {

	private final HttpClient http;

	private final String orderService;

	private final Supplier<String> adminToken;

	/**
	 * @param http the client
	 * @param orderService order-service's base URL
	 * @param adminToken signs the admin in
	 */
	OrderLookup(HttpClient http, String orderService, Supplier<String> adminToken) {
		this.http = http;
		this.orderService = orderService;
		this.adminToken = adminToken;
	}

	/**
	 * The orders as they are now, where the buyers left them pending; the others as they
	 * were.
	 * @param orders the orders as the buyers saw them last
	 * @return the same orders, those left pending looked up again
	 */
	List<CheckoutOutcome.Order> recheck(List<CheckoutOutcome.Order> orders) throws InterruptedException {
		if (orders.stream().allMatch(CheckoutOutcome.Order::reachedFinalStatus)) {
			return orders;
		}
		String token = this.adminToken.get();
		List<CheckoutOutcome.Order> now = new ArrayList<>(orders.size());
		for (CheckoutOutcome.Order order : orders) {
			now.add(order.reachedFinalStatus() ? order : lookUp(order, token));
		}
		return now;
	}

	private CheckoutOutcome.Order lookUp(CheckoutOutcome.Order order, String token) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.orderService + "/api/orders/" + order.id()))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (answer.statusCode() == 200) ? CheckoutOutcome.Order.of(order.sentAtMillis(), answer.body()) : order;
		}
		catch (IOException ex) {
			return order;
		}
	}

}
