package com.artisanmarket.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id: the client's {@value #HEADER} when it is a sane
 * one, a new one otherwise. It is passed to the services, returned to the client, and in
 * the log context ({@value #CONTEXT_KEY}) of everything done for the request.
 */
class RequestIdFilter implements WebFilter {

	static final String HEADER = "X-Request-Id";

	static final String CONTEXT_KEY = "requestId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (given != null && VALID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		ServerWebExchange tagged = exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, requestId)))
			.build();
		// A routed service echoes the id itself; the gateway adds it only where none did.
		tagged.getResponse().beforeCommit(() -> {
			if (!tagged.getResponse().getHeaders().containsHeader(HEADER)) {
				tagged.getResponse().getHeaders().set(HEADER, requestId);
			}
			return Mono.empty();
		});
		return chain.filter(tagged).contextWrite((context) -> context.put(CONTEXT_KEY, requestId));
	}

}
