package com.artisanmarket.catalog.product;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The catalogue is public to read (docs/architecture.md, 'Public HTTP contract'); listing
 * needs an ARTISAN, changes the owner or an ADMIN (checked in {@link Products}). Import
 * and export are an artisan's own products, so only an ARTISAN may use them; the export
 * must come before the public reads it would otherwise fall under.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogAccess {

	@Bean
	AuthorizationRules catalogRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/products/export")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.POST, "/api/products/import")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**", "/media/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/products/*/images")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/products")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.PUT, "/api/products/*")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.PATCH, "/api/products/*/stock")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.DELETE, "/api/products/*")
			.hasAnyRole("ARTISAN", "ADMIN");
	}

}
