package com.artisanmarket.order.pricing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalogue prices order lines, and how long one call may take
 * ({@code marketplace.orders.*}). The HTTP client's timeouts are a second guard under the
 * time limiter's 3 s.
 *
 * @param catalogServiceUrl catalog-service's base URL, or one per instance separated by
 * commas: each call goes to the next, so a retry after a refused connection reaches
 * another instance
 * @param catalogConnectTimeout how long connecting may take
 * @param catalogReadTimeout how long the answer may take once connected
 */
@ConfigurationProperties("marketplace.orders")
record PricingProperties(@DefaultValue("http://127.0.0.1:8082") List<URI> catalogServiceUrl,
		@DefaultValue("1s") Duration catalogConnectTimeout, @DefaultValue("2s") Duration catalogReadTimeout) {

}
