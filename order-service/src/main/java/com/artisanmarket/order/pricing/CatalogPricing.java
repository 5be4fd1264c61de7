package com.artisanmarket.order.pricing;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.artisanmarket.support.web.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Prices order lines by asking catalog-service, guarded by Resilience4j: each call times
 * out (connect 1 s, answer 2 s), a failed call is retried twice (pricing is an idempotent
 * read), and a circuit breaker stops calling a catalogue that keeps failing. When the
 * catalogue cannot answer the order is refused with 503 and {@code Retry-After}; it is
 * never accepted unpriced.
 */
@Component
public class CatalogPricing {

	private static final Logger logger = LoggerFactory.getLogger(CatalogPricing.class);

	private final RestClient client;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	CatalogPricing(@Value("${marketplace.orders.catalog-service-url:http://127.0.0.1:8082}") String baseUrl) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(2));
		this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
		this.circuitBreaker = CircuitBreaker.of("catalog-service",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(5))
					.build());
		this.retry = Retry.of("catalog-service",
				RetryConfig.custom()
					.maxAttempts(3)
					.waitDuration(Duration.ofMillis(200))
					.retryOnException((ex) -> !(ex instanceof RestClientResponseException response)
							|| response.getStatusCode().is5xxServerError())
					.build());
	}

	/**
	 * The catalogue's quotes for products that can be ordered now.
	 * @param productIds the products
	 * @return quotes by product id; a missing id is unknown, archived or unavailable
	 * @throws ServiceUnavailableException when the catalogue cannot answer
	 */
	public Map<String, PriceQuote> quotes(Collection<String> productIds) {
		Supplier<PriceQuote[]> call = () -> this.client.get()
			.uri((uri) -> uri.path("/api/products/pricing").queryParam("ids", String.join(",", productIds)).build())
			.retrieve()
			.body(PriceQuote[].class);
		try {
			PriceQuote[] quotes = CircuitBreaker
				.decorateSupplier(this.circuitBreaker, Retry.decorateSupplier(this.retry, call))
				.get();
			return Arrays.stream((quotes != null) ? quotes : new PriceQuote[0])
				.collect(Collectors.toMap(PriceQuote::productId, Function.identity()));
		}
		catch (CallNotPermittedException ex) {
			throw new ServiceUnavailableException("catalog-service");
		}
		catch (RestClientException ex) {
			logger.warn("Pricing failed: {}", ex.toString());
			throw new ServiceUnavailableException("catalog-service");
		}
	}

}
