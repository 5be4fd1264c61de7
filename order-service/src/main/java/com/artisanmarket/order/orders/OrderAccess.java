package com.artisanmarket.order.orders;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which order endpoint; who may see which order is decided in
 * {@link Orders}.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

	@Bean
	AuthorizationRules orderRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/orders")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.POST, "/api/orders/*/shipments", "/api/orders/*/decline")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.POST, "/api/orders/*/cancel", "/api/orders/*/delivery")
			.hasAnyRole("BUYER", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*")
			.authenticated();
	}

}
