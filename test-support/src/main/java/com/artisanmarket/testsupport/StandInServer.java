package com.artisanmarket.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for another part over real HTTP on loopback: it answers every request 200
 * with one JSON body, after a hook that may look at the request or take its time (a slow
 * or hanging upstream). Each request has a virtual thread of its own, so a hanging one
 * does not hold the others.
 */
public final class StandInServer {

	private StandInServer() {
	}

	/** A started stand-in answering {@code json} at once. */
	public static HttpServer answering(String json) {
		return answering(json, (exchange) -> {
		});
	}

	/**
	 * A started stand-in answering {@code json} after {@code beforeAnswer} has run.
	 * @param beforeAnswer runs on each request, its body read, before the answer is sent
	 */
	public static HttpServer answering(String json, Consumer<HttpExchange> beforeAnswer) {
		return answering(new InetSocketAddress("127.0.0.1", 0), json, beforeAnswer);
	}

	/**
	 * A started stand-in on the given address answering {@code json} after
	 * {@code beforeAnswer} has run.
	 * @param address where it listens (port 0 for any free one)
	 * @param beforeAnswer runs on each request, its body read, before the answer is sent
	 */
	public static HttpServer answering(InetSocketAddress address, String json, Consumer<HttpExchange> beforeAnswer) {
		try {
			HttpServer server = HttpServer.create(address, 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				beforeAnswer.accept(exchange);
				byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, bytes.length);
				exchange.getResponseBody().write(bytes);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
