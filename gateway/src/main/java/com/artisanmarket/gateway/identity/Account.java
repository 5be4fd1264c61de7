package com.artisanmarket.gateway.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account as stored. The password only as a bcrypt hash; {@code email} normalised
 * (trimmed, lower case) under a unique index.
 */
@Document(Account.COLLECTION)
record Account(@Id String id, String email, String passwordHash, String displayName, Set<Role> roles,
		Instant createdAt) {

	static final String COLLECTION = "accounts";

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
