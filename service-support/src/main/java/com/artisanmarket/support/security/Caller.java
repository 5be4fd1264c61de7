package com.artisanmarket.support.security;

import java.util.Set;

/**
 * Who is calling, as the verified token says. Controllers take a {@code Caller} argument.
 *
 * @param accountId the caller's account id (the token's subject), or {@code null} when
 * anonymous
 * @param roles the caller's roles: {@code BUYER}, {@code ARTISAN}, {@code ADMIN}
 */
public record Caller(String accountId, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean isAnonymous() {
		return this.accountId == null;
	}

	public boolean isAdmin() {
		return this.roles.contains("ADMIN");
	}

	/** Whether the caller is the given account, or an admin. */
	public boolean isOwnerOrAdmin(String ownerId) {
		return isAdmin() || (this.accountId != null && this.accountId.equals(ownerId));
	}

}
