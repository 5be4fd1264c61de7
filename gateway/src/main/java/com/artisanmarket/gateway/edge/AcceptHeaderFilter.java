package com.artisanmarket.gateway.edge;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * An {@code Accept} header that cannot be parsed ({@code garbage}, or a quality that is
 * no number) is dropped, as if the client had sent none, before the gateway's own
 * endpoints or a service see it: both otherwise answered such a request with an empty 406
 * or 400 where a {@code problem+json} was due.
 */
class AcceptHeaderFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> accept = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
		if (parseable(accept)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.remove(HttpHeaders.ACCEPT)))
			.build());
	}

	private static boolean parseable(List<String> accept) {
		try {
			accept.forEach(MediaType::parseMediaTypes);
			return true;
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException among them.
			return false;
		}
	}

}
