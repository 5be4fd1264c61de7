package com.artisanmarket.gateway.edge;

import java.util.Set;

import com.artisanmarket.events.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over the limit with a clean 413 {@code problem+json}, before
 * anything reads them, instead of a reset connection. A body must declare its length
 * (every browser and HTTP client does); one that does not is refused with 411, since its
 * size could only be learned by reading it.
 */
class RequestSizeFilter implements WebFilter {

	private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private static final PathPattern UPLOADS = PathPatternParser.defaultInstance.parse("/api/products/*/images");

	/** A CSV import of up to 5,000 products is a few MB: it gets the upload limit too. */
	private static final PathPattern IMPORT = PathPatternParser.defaultInstance.parse("/api/products/import");

	private final EdgeProperties properties;

	RequestSizeFilter(EdgeProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!WITH_BODY.contains(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		long length = exchange.getRequest().getHeaders().getContentLength();
		PathContainer path = PathContainer.parsePath(exchange.getRequest().getPath().value());
		boolean upload = UPLOADS.matches(path) || IMPORT.matches(path);
		long limit = (upload ? this.properties.maxUploadSize() : this.properties.maxBodySize()).toBytes();
		if (length > limit) {
			return ProblemWriter.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					"Payload too large", "The request body is larger than " + limit / 1024 + " KiB.");
		}
		if (length < 0 && exchange.getRequest().getHeaders().containsHeader("Transfer-Encoding")) {
			return ProblemWriter.write(exchange, HttpStatus.LENGTH_REQUIRED, ProblemTypes.LENGTH_REQUIRED,
					"Length required", "Send the request body with a Content-Length.");
		}
		return chain.filter(exchange);
	}

}
