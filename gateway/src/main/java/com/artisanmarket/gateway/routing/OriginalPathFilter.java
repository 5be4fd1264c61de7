package com.artisanmarket.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Remembers the path a client asked for. A circuit breaker's fallback is reached by a
 * forward to {@code /fallback/...}, and its problem's {@code instance} must name the
 * client's path, not the forward's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OriginalPathFilter implements WebFilter {

	static final String ATTRIBUTE = OriginalPathFilter.class.getName() + ".path";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

}
