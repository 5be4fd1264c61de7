package com.artisanmarket.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs short-lived RS256 access tokens: subject, roles, email, name, expiry. */
class TokenIssuer {

	private final RSAKey key;

	private final JwtEncoder encoder;

	private final IdentityProperties properties;

	private final Clock clock;

	TokenIssuer(RSAKey key, IdentityProperties properties, Clock clock) {
		this.key = key;
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.properties = properties;
		this.clock = clock;
	}

	TokenResponse issue(Account account) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(account.id())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.properties.tokenLifetime()))
			.claim("roles", account.roles().stream().map(Role::name).sorted().toList())
			.claim("email", account.email())
			.claim("name", account.displayName())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new TokenResponse(token, "Bearer", this.properties.tokenLifetime().toSeconds(), UserView.of(account));
	}

	/** The public key set the services verify tokens with. */
	JWKSet publicKeys() {
		return new JWKSet(List.of(this.key.toPublicJWK()));
	}

}
