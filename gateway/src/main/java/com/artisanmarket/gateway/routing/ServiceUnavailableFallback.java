package com.artisanmarket.gateway.routing;

import java.net.URI;

import com.artisanmarket.events.ProblemTypes;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request it could not complete: the service
 * refused the connection, was too slow for the time limiter, or its circuit is open.
 * Answers 503 {@code problem+json} with {@code Retry-After}, so clients back off instead
 * of seeing a gateway error page.
 */
@RestController
class ServiceUnavailableFallback {

	private static final Logger logger = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

	private final RoutingProperties properties;

	ServiceUnavailableFallback(RoutingProperties properties) {
		this.properties = properties;
	}

	@Hidden
	@RequestMapping("/fallback/{service}")
	Mono<ResponseEntity<ProblemDetail>> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
		if (!this.properties.services().containsKey(service)) {
			// Not a route's fallback but a caller's guess: nothing here to echo back.
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		String path = originalPath(exchange);
		logger.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(), path,
				(cause != null) ? cause.toString() : "no cause recorded");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The " + service + " is not available right now. Please try again in a few seconds.");
		problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
		problem.setTitle("Service unavailable");
		problem.setInstance(URI.create(path));
		problem.setProperty("service", service);
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfter().toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem));
	}

	private static String originalPath(ServerWebExchange exchange) {
		return exchange.getAttributeOrDefault(OriginalPathFilter.ATTRIBUTE, exchange.getRequest().getPath().value());
	}

}
