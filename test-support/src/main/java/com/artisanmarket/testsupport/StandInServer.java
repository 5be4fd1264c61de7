package com.artisanmarket.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for another part over real HTTP on loopback: it answers every request 200
 * with one JSON body, after a hook that may look at the request or take its time (a slow
 * or hanging upstream), or gives each request an answer of its own. Each request has a
 * virtual thread of its own, so a hanging one does not hold the others.
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
		return answering(address, (exchange) -> {
			beforeAnswer.accept(exchange);
			return new Answer(200, json);
		});
	}

	/**
	 * A started stand-in on loopback whose answer depends on the request.
	 * @param answer the answer to each request, its body read
	 */
	public static HttpServer answering(Function<HttpExchange, Answer> answer) {
		return answering(new InetSocketAddress("127.0.0.1", 0), answer);
	}

	private static HttpServer answering(InetSocketAddress address, Function<HttpExchange, Answer> answer) {
		try {
			HttpServer server = HttpServer.create(address, 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				Answer given = answer.apply(exchange);
				byte[] bytes = given.json().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(given.status(), bytes.length);
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

	/**
	 * What the stand-in answers.
	 *
	 * @param status the HTTP status
	 * @param json the body
	 */
	public record Answer(int status, String json) {

	}

}
