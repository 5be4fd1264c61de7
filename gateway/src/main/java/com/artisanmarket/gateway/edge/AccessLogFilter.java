package com.artisanmarket.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per API call: method, path, status and time, with the request id and the trace
 * id of the call, so a request can be followed from the gateway into the services' logs.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

	private static final Logger logger = LoggerFactory.getLogger("com.artisanmarket.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		long started = System.nanoTime();
		return chain.filter(exchange).doOnEach((signal) -> {
			if (signal.isOnComplete() || signal.isOnError()) {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				logger.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), path,
						(status != null) ? status.value() : (signal.isOnError() ? 500 : 200),
						(System.nanoTime() - started) / 1_000_000);
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
