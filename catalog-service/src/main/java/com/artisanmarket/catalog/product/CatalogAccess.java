package com.artisanmarket.catalog.product;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The catalogue is public to read (DESIGN.md); changes need a signed-in owner or admin.
 */
@Configuration(proxyBeanMethods = false)
class CatalogAccess {

	@Bean
	AuthorizationRules catalogRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll();
	}

}
