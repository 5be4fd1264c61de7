package com.artisanmarket.artisan.profile;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which artisan endpoint; ownership is checked in {@link ArtisanProfiles}.
 */
@Configuration(proxyBeanMethods = false)
class ArtisanAccess {

	@Bean
	AuthorizationRules artisanRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/artisans/me", "/api/artisans/*/stats")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/artisans", "/api/artisans/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/artisans")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.PUT, "/api/artisans/*/verification")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/artisans/*")
			.hasAnyRole("ARTISAN", "ADMIN");
	}

}
