package com.artisanmarket.gateway.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The web UI: one page whose ES modules (under {@code /ui/}, served as static resources)
 * draw every screen. The page is answered for each of the UI's own paths, so links can be
 * shared and reloaded; everything else (the API, {@code /media/}) is untouched.
 */
@Configuration(proxyBeanMethods = false)
class WebUi {

	/** The storefront's, the artisan studio's and the admin pages' paths. */
	static final String[] PAGES = { "/", "/search", "/products/{id}", "/artisans/{id}", "/cart", "/checkout",
			"/favourites", "/masterclasses", "/masterclasses/{id}", "/bookings", "/orders", "/orders/{id}", "/messages",
			"/messages/{id}", "/signin", "/signup", "/studio", "/studio/profile", "/studio/products",
			"/studio/products/{id}", "/studio/orders", "/studio/stats", "/studio/reviews", "/studio/masterclasses",
			"/studio/masterclasses/{id}", "/studio/messages", "/admin", "/admin/artisans", "/admin/orders",
			"/admin/reviews", "/admin/masterclasses", "/admin/conversations" };

	@Bean
	RouterFunction<ServerResponse> webUiPages(@Value("classpath:/static/index.html") Resource page) {
		RequestPredicate pages = GET(PAGES[0]);
		for (int i = 1; i < PAGES.length; i++) {
			pages = pages.or(GET(PAGES[i]));
		}
		return RouterFunctions.route(pages,
				(request) -> ServerResponse.ok()
					.contentType(MediaType.TEXT_HTML)
					.cacheControl(CacheControl.noCache())
					.bodyValue(page));
	}

}
