package com.artisanmarket.support.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the {@link Caller} argument of controller methods from the verified token. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ROLE_PREFIX = "ROLE_";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return Caller.ANONYMOUS;
		}
		return new Caller(token.getToken().getSubject(), roles(token.getAuthorities()));
	}

	private static Set<String> roles(Collection<GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
