package com.artisanmarket.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs accounts up and in. Passwords are hashed with bcrypt on a worker thread (it is
 * slow on purpose, and must not block the event loop) and never logged. A sign-in with an
 * unknown email costs a hash comparison too, so timing does not tell which emails have
 * accounts, and a sign-up for a taken email is answered exactly like a new one (the
 * account is not made twice, and nobody learns that the email has an account); the
 * attempt is logged with the existing account's id. Sign-ins and sign-ups are throttled
 * before any hash is computed ({@link LoginThrottle}).
 */
class Accounts {

	private static final Logger logger = LoggerFactory.getLogger(Accounts.class);

	private final ReactiveMongoOperations mongo;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final String unknownAccountHash;

	Accounts(ReactiveMongoOperations mongo, PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.throttle = throttle;
		this.clock = clock;
		this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
	}

	Mono<Account> register(Registration registration, String address) {
		String email = Account.normalise(registration.email());
		if (registration.role() == Role.ADMIN) {
			return Mono.error(new IdentityExceptions.InvalidField("role", "must be BUYER or ARTISAN"));
		}
		if (registration.password().getBytes(StandardCharsets.UTF_8).length > 72) {
			return Mono.error(new IdentityExceptions.InvalidField("password", "must be at most 72 bytes"));
		}
		if (registration.password().trim().equalsIgnoreCase(email)) {
			return Mono.error(new IdentityExceptions.InvalidField("password", "must not be the email"));
		}
		return this.throttle.registration(address).flatMap((wait) -> {
			if (wait.isPresent()) {
				logger.warn("Sign-up throttled for a client address after repeated sign-ups");
				return Mono.error(new IdentityExceptions.Throttled(
						"Too many sign-ups from your network. Try again later.", wait.get()));
			}
			return newAccount(email, registration.password(), registration.displayName().trim(),
					Set.of(registration.role()))
				.flatMap((account) -> this.mongo.insert(account)
					.doOnNext(
							(created) -> logger.info("Registered account {} as {}", created.id(), registration.role()))
					.onErrorResume(DuplicateKeyException.class, (ex) -> existing(email, account)));
		});
	}

	/**
	 * The answer to a sign-up for a taken email: the account that would have been made,
	 * never stored, so the answer looks like any other.
	 */
	private Mono<Account> existing(String email, Account unsaved) {
		return findByEmail(email)
			.doOnNext((account) -> logger.info("Sign-up for the email of existing account {}; nothing was created",
					account.id()))
			.thenReturn(unsaved);
	}

	private Mono<Account> newAccount(String email, String password, String displayName, Set<Role> roles) {
		return Mono.fromCallable(() -> this.passwords.encode(password))
			.subscribeOn(Schedulers.boundedElastic())
			.map((hash) -> new Account(UUID.randomUUID().toString(), Account.normalise(email), hash, displayName, roles,
					this.clock.instant()));
	}

	Mono<Account> create(String email, String password, String displayName, Set<Role> roles) {
		return newAccount(email, password, displayName, roles).flatMap(this.mongo::insert)
			.onErrorMap(DuplicateKeyException.class, (ex) -> new IdentityExceptions.EmailTaken());
	}

	/**
	 * The account whose credentials these are.
	 * @param credentials email and password
	 * @param address the client's address, for throttling
	 * @return the account, or an error: {@code Throttled} or {@code BadCredentials}
	 */
	Mono<Account> authenticate(Credentials credentials, String address) {
		String email = Account.normalise(credentials.email());
		return this.throttle.attempt(email, address).flatMap((wait) -> {
			if (wait.isPresent()) {
				logger.warn("Sign-in throttled for an account or address after repeated attempts");
				return Mono.error(new IdentityExceptions.Throttled("Too many sign-in attempts. Try again in a moment.",
						wait.get()));
			}
			return findByEmail(email).map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((account) -> Mono.fromCallable(() -> matches(account, credentials.password()))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((ok) -> {
						if (ok) {
							return this.throttle.succeeded(email, address).thenReturn(account.get());
						}
						return Mono.error(new IdentityExceptions.BadCredentials());
					}));
		});
	}

	Mono<Account> findById(String id) {
		return this.mongo.findById(id, Account.class);
	}

	Mono<Account> findByEmail(String email) {
		return this.mongo.findOne(new Query(Criteria.where("email").is(Account.normalise(email))), Account.class);
	}

	private boolean matches(Optional<Account> account, String password) {
		if (account.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > 72) {
			this.passwords.matches(password, this.unknownAccountHash);
			return false;
		}
		return this.passwords.matches(password, account.get().passwordHash());
	}

}
