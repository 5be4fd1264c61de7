package com.artisanmarket.gateway.edge;

import java.util.List;

import com.artisanmarket.events.ProblemTypes;
import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The edge: the gateway checks tokens itself (a forged one is refused here as well as at
 * each service), answers 401/403 as {@code problem+json}, limits request sizes and
 * cross-origin calls, sets security headers and tags every request with an id. Routed
 * requests are otherwise passed on: each service decides its own rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(EdgeProperties.class)
class GatewaySecurity {

	/**
	 * Images only from the marketplace itself (the catalogue accepts only its own uploads
	 * as product pictures), so no page makes a buyer's browser call a third party.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	GatewaySecurity() {
		// Every log line written while serving a request carries its id.
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(RequestIdFilter.CONTEXT_KEY, () -> MDC.get(RequestIdFilter.CONTEXT_KEY),
					(id) -> MDC.put(RequestIdFilter.CONTEXT_KEY, id), () -> MDC.remove(RequestIdFilter.CONTEXT_KEY));
	}

	@Bean
	SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			EdgeProperties properties) {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// Stateless: a bearer token on each call. The defaults kept the security
			// context and the request cache in a WebSession, so every call created a
			// session (its id drawn on boundedElastic, then handed to parallel): two
			// thread hops and a fifth of the gateway's CPU per proxied request.
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.cors((cors) -> cors.configurationSource(cors(properties.allowedOrigins())))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/api/auth/me")
				.authenticated()
				.pathMatchers(HttpMethod.POST, "/api/me/events/ticket")
				.authenticated()
				.pathMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtDecoder(decoder)
					.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
				.authenticationEntryPoint(unauthorized())
				.accessDeniedHandler(forbidden()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized())
				.accessDeniedHandler(forbidden()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frames) -> frames.mode(Mode.DENY)))
			.addFilterBefore(new RequestSizeFilter(properties), SecurityWebFiltersOrder.CORS)
			.build();
	}

	/**
	 * Spring Security's web firewall refuses requests with ambiguous paths (empty or
	 * encoded segments, {@code ..}, {@code ;}) before any route sees them; by default it
	 * answers 400 with an empty body, which clients cannot read like every other error.
	 * The firewall's message is not echoed: it may quote the hostile input.
	 */
	@Bean
	ServerExchangeRejectedHandler problemForRefusedRequests() {
		return (exchange, ex) -> ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.REQUEST_REFUSED,
				"Request refused", "The request's path or headers are not allowed (e.g. an empty path segment).");
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestIdFilter requestIdFilter() {
		return new RequestIdFilter();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	AcceptHeaderFilter acceptHeaderFilter() {
		return new AcceptHeaderFilter();
	}

	private static UrlBasedCorsConfigurationSource cors(List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(allowedOrigins);
			configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			configuration.setAllowedHeaders(
					List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", RequestIdFilter.HEADER));
			configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After", RequestIdFilter.HEADER));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

	private static ServerAuthenticationEntryPoint unauthorized() {
		return (exchange, ex) -> {
			boolean missing = exchange.getRequest().getHeaders().getFirst("Authorization") == null;
			exchange.getResponse()
				.getHeaders()
				.set("WWW-Authenticate",
						missing ? "Bearer realm=\"artisan-marketplace\""
								: "Bearer realm=\"artisan-marketplace\", error=\"invalid_token\", "
										+ "error_description=\"The token is invalid or has expired\"");
			return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
					missing ? "Sign in: this needs a bearer token." : "The bearer token is invalid or has expired.");
		};
	}

	private static ServerAccessDeniedHandler forbidden() {
		return (exchange, ex) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				"Forbidden", "Your role may not do this.");
	}

}
