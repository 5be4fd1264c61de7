package com.artisanmarket.support.security;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The display name the caller's token carries, as the gateway wrote it at sign-in. */
public final class SignedInName {

	private SignedInName() {
	}

	public static Optional<String> current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			String name = token.getToken().getClaimAsString("name");
			if (name != null && !name.isBlank()) {
				return Optional.of(name);
			}
		}
		return Optional.empty();
	}

}
