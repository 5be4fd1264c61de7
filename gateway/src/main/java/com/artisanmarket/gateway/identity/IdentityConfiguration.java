package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IdentityProperties.class, AdminProperties.class })
class IdentityConfiguration {

	/**
	 * The longest a token that passed is taken without a check: how long a token signed
	 * with a key no longer in use may still pass.
	 */
	private static final Duration REMEMBER_TOKENS_FOR = Duration.ofMinutes(5);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RSAKey signingKey(IdentityProperties properties) {
		return SigningKeys.load(properties);
	}

	@Bean
	TokenIssuer tokenIssuer(RSAKey signingKey, IdentityProperties properties, Clock clock) {
		return new TokenIssuer(signingKey, properties, clock);
	}

	/** The gateway checks its own tokens with its own public key; no HTTP round trip. */
	@Bean
	ReactiveJwtDecoder jwtDecoder(RSAKey signingKey, IdentityProperties properties, Clock clock) throws JOSEException {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
		if (properties.rememberedTokens() <= 0) {
			return decoder;
		}
		return new RememberingJwtDecoder(decoder, properties.rememberedTokens(), REMEMBER_TOKENS_FOR, clock,
				Ticker.systemTicker());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Shared by every gateway instance through the accounts' database. */
	@Bean
	LoginThrottle loginThrottle(ReactiveMongoOperations mongo, IdentityProperties properties, Clock clock) {
		LoginThrottle throttle = new LoginThrottle(mongo, properties.throttle(), clock);
		throttle.prepare().block();
		return throttle;
	}

	@Bean
	ClientAddresses clientAddresses(IdentityProperties properties) {
		return new ClientAddresses(properties.trustedProxies());
	}

	@Bean
	Accounts accounts(ReactiveMongoOperations mongo, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			Clock clock) {
		mongo.indexOps(Account.class).createIndex(new Index("email", Sort.Direction.ASC).unique()).block();
		return new Accounts(mongo, passwordEncoder, throttle, clock);
	}

	@Bean
	AdminAccount adminAccount(Accounts accounts, AdminProperties properties) {
		return new AdminAccount(accounts, properties);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureAdmin(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(AdminAccount.class).ensureExists().block();
	}

}
