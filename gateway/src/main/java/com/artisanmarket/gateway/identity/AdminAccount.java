package com.artisanmarket.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Makes sure the ADMIN account exists. Its password comes from
 * {@code MARKETPLACE_ADMIN_PASSWORD}; when that is unset, one is generated and written to
 * a file only its owner can read ({@code ./marketplace up} names the file). The password
 * never goes to a log.
 */
class AdminAccount {

	private static final Logger logger = LoggerFactory.getLogger(AdminAccount.class);

	private final Accounts accounts;

	private final AdminProperties properties;

	AdminAccount(Accounts accounts, AdminProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	Mono<Account> ensureExists() {
		return this.accounts.findByEmail(this.properties.email()).switchIfEmpty(Mono.defer(this::create));
	}

	private Mono<Account> create() {
		String password = this.properties.password();
		if (password == null || password.isBlank()) {
			password = generatedPassword();
		}
		return this.accounts.create(this.properties.email(), password, "Marketplace admin", Set.of(Role.ADMIN))
			.doOnNext((admin) -> logger.info("Created the admin account {} ({})", admin.id(), admin.email()))
			// Another gateway starting at the same time created it first.
			.onErrorResume(IdentityExceptions.EmailTaken.class,
					(ex) -> this.accounts.findByEmail(this.properties.email()));
	}

	private String generatedPassword() {
		Path file = this.properties.passwordFile();
		if (file == null) {
			throw new IllegalStateException("Set MARKETPLACE_ADMIN_PASSWORD, or marketplace.admin.password-file "
					+ "for a generated one, to create the admin account");
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (SigningKeys.OwnerOnlyFiles.writeIfAbsent(file, password + "\n")) {
				logger.info("Generated the admin password; it is in {} (readable only by its owner)", file);
				return password;
			}
			// Written by another gateway on this data directory (starting beside this
			// one),
			// or before the database was emptied: the file's password is the admin's.
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the admin password file " + file, ex);
		}
	}

}
