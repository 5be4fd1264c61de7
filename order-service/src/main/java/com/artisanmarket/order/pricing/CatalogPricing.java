package com.artisanmarket.order.pricing;

import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.artisanmarket.events.EventRules;
import com.artisanmarket.support.web.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Prices order lines by asking catalog-service (its instances in turn), guarded by
 * Resilience4j as configured in application.yml
 * ({@code resilience4j.*.instances.catalog-service}): a time limiter gives each call 3 s
 * (the HTTP client's own timeouts, 1 s to connect and 2 s to answer, are a second guard),
 * a failed or late call is retried twice (pricing is an idempotent read), and a circuit
 * breaker stops calling a catalogue that keeps failing. When the catalogue cannot answer
 * the order is refused with 503 and {@code Retry-After}; it is never accepted unpriced.
 * <p>
 * Only what says the catalogue is unwell counts against the breaker and is retried: I/O
 * errors, timeouts and 5xx answers ({@link CatalogueFailure}). Anything else (a 4xx, a
 * request we could not build) is about the request, not the catalogue: retrying it cannot
 * help, and counting it would let any buyer with a few bad orders switch off checkout for
 * everyone (issue 17). So ids that cannot be product ids are never sent, and those that
 * are go in as an encoded URI template value, never as part of the template.
 */
@Component
@EnableConfigurationProperties(PricingProperties.class)
public class CatalogPricing {

	private static final Logger logger = LoggerFactory.getLogger(CatalogPricing.class);

	/**
	 * What a product id may look like: the catalogue makes UUIDs; letters, digits,
	 * {@code -} and {@code _} leave room for other opaque ids while keeping out URI
	 * syntax, template braces and the {@code ,} that separates ids in the pricing call.
	 */
	public static final String PRODUCT_ID = EventRules.ID;

	private static final Pattern productId = Pattern.compile(PRODUCT_ID);

	private static final String CATALOG = "catalog-service";

	/** One client per catalog-service instance, taken in turn. */
	private final List<RestClient> clients;

	private final AtomicInteger turn = new AtomicInteger();

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * @return the pricing circuit breaker's state, for the operations panel
	 */
	public CircuitBreaker.State circuitState() {
		return this.circuitBreaker.getState();
	}

	CatalogPricing(PricingProperties properties, RestClient.Builder builder, CircuitBreakerRegistry breakers,
			RetryRegistry retries, TimeLimiterRegistry limiters) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.catalogConnectTimeout()).build());
		requests.setReadTimeout(properties.catalogReadTimeout());
		// Boot's builder: the calls are timed and carry the trace (traceparent) to the
		// catalogue.
		this.clients = properties.catalogServiceUrl()
			.stream()
			.map((url) -> builder.clone().baseUrl(url.toString()).requestFactory(requests).build())
			.toList();
		// Configured under resilience4j.*.instances.catalog-service in application.yml;
		// the registries' own metrics describe them (resilience4j_circuitbreaker_state,
		// resilience4j_retry_calls, ...).
		this.circuitBreaker = breakers.circuitBreaker(CATALOG);
		this.retry = retries.retry(CATALOG);
		this.timeLimiter = limiters.timeLimiter(CATALOG);
	}

	private PriceQuote[] withinTimeLimit(Supplier<PriceQuote[]> request) {
		try {
			return this.timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(request, this.calls));
		}
		catch (TimeoutException ex) {
			throw new ResourceAccessException("catalog-service did not answer within "
					+ this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause
					: new ResourceAccessException("pricing failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ResourceAccessException("interrupted while pricing");
		}
		catch (Exception ex) {
			throw new ResourceAccessException("pricing failed: " + ex);
		}
	}

	/**
	 * The catalogue's quotes for products that can be ordered now.
	 * @param productIds the products
	 * @return quotes by product id; a missing id is unknown, archived, unavailable or not
	 * a product id at all
	 * @throws ServiceUnavailableException when the catalogue cannot answer
	 */
	public Map<String, PriceQuote> quotes(Collection<String> productIds) {
		List<String> ids = productIds.stream().filter(CatalogPricing::isProductId).distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		// Each attempt asks the next instance: a retry after a refused connection (an
		// instance stopped or restarting) reaches another one.
		Supplier<PriceQuote[]> request = () -> this.clients
			.get(Math.floorMod(this.turn.getAndIncrement(), this.clients.size()))
			.get()
			.uri("/api/products/pricing?ids={ids}", String.join(",", ids))
			.retrieve()
			.body(PriceQuote[].class);
		Supplier<PriceQuote[]> call = () -> withinTimeLimit(request);
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
			if (!CatalogueFailure.is(ex)) {
				throw ex;
			}
			logger.warn("Pricing failed: {}", ex.toString());
			throw new ServiceUnavailableException("catalog-service");
		}
	}

	/**
	 * @param id what a caller says is a product id
	 * @return whether it can be one; no other id is sent to the catalogue
	 */
	public static boolean isProductId(String id) {
		return id != null && productId.matcher(id).matches();
	}

}
