package com.artisanmarket.gateway.identity;

import java.util.Set;

/** An account as the API shows it: never with its password hash. */
record UserView(String id, String email, String displayName, Set<Role> roles) {

	static UserView of(Account account) {
		return new UserView(account.id(), account.email(), account.displayName(), account.roles());
	}

}
