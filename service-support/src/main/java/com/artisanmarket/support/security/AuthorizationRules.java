package com.artisanmarket.support.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, by path and method, applied after the shared ones
 * (operational endpoints open) and before the last one (everything else needs a signed
 * token). Because they run in the security filter chain, authorization is decided before
 * a request body is read or validated.
 */
@FunctionalInterface
public interface AuthorizationRules {

	void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);

}
