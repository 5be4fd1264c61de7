package com.artisanmarket.support.security;

import java.util.Set;

/**
 * Who is calling: the seam between the services and authentication. Controllers take a
 * {@code Caller} argument; today every caller is anonymous, and the identity issue (#4)
 * resolves it from the verified token instead, without touching the controllers.
 *
 * @param accountId the caller's account id, or {@code null} when anonymous
 * @param roles the caller's roles
 */
public record Caller(String accountId, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean isAnonymous() {
		return this.accountId == null;
	}

}
