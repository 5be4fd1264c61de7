package com.artisanmarket.catalog.masterclass;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Masterclasses are public to read; an ARTISAN schedules them, their owner or an ADMIN
 * changes and cancels them and sees who booked; a BUYER books, cancels and downloads the
 * calendar file of their own bookings. Who owns what is checked in {@link Masterclasses}
 * and {@link Bookings}.
 */
@Configuration(proxyBeanMethods = false)
class MasterclassAccess {

	@Bean
	AuthorizationRules masterclassRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/masterclasses", "/api/masterclasses/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/masterclasses")
			.hasRole("ARTISAN")
			.requestMatchers(HttpMethod.PUT, "/api/masterclasses/*")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/masterclasses/*/cancel")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/masterclasses/*/bookings")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.GET, "/api/masterclasses/*/bookings")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/bookings", "/api/bookings/*/calendar.ics")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.POST, "/api/bookings/*/cancel")
			.hasRole("BUYER")
			.requestMatchers(HttpMethod.POST, "/api/bookings/*/attendance")
			.hasAnyRole("ARTISAN", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/bookings/*")
			.authenticated();
	}

}
