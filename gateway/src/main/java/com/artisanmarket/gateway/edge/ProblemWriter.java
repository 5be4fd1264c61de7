package com.artisanmarket.gateway.edge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@code problem+json} answer from a filter, where no controller advice reaches.
 */
final class ProblemWriter {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory()
			.wrap(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

}
