package com.artisanmarket.catalog.favourite;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Favourites are a BUYER's own: every call is about the caller's. */
@Configuration(proxyBeanMethods = false)
class FavouriteAccess {

	@Bean
	AuthorizationRules favouriteRules() {
		return (requests) -> requests.requestMatchers("/api/me/favourites", "/api/me/favourites/**").hasRole("BUYER");
	}

}
