package com.artisanmarket.catalog.review;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reviews are public to read; a BUYER writes, edits and deletes their own (an ADMIN may
 * delete any), the ARTISAN who sells the product answers, anyone signed in reports, and
 * an ADMIN moderates. Who owns what is checked in {@link Reviews}.
 */
@Configuration(proxyBeanMethods = false)
class ReviewAccess {

	@Bean
	AuthorizationRules reviewRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/products/*/reviews")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.GET, "/api/reviews/*")
			.permitAll()
			.requestMatchers(HttpMethod.PUT, "/api/reviews/*")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.DELETE, "/api/reviews/*")
			.hasAnyRole("BUYER", "ADMIN")
			.requestMatchers("/api/reviews/*/reply")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/reviews/*/report")
			.authenticated()
			.requestMatchers(HttpMethod.PUT, "/api/reviews/*/moderation")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/admin/reviews")
			.hasRole("ADMIN");
	}

}
