package com.artisanmarket.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Makes JWTs for tests: valid ones like the gateway's, and the forgeries a service must
 * refuse (unsigned, signed by another key, expired, tampered with).
 */
public final class TokenMint {

	public static final String ISSUER = "artisan-marketplace";

	private final RSAKey key;

	public TokenMint(RSAKey key) {
		this.key = key;
	}

	/** A mint with a fresh key of its own (which no service trusts unless told). */
	public static TokenMint withNewKey() {
		try {
			return new TokenMint(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A mint with the gateway's own key, read from its PKCS#8 PEM file, to forge what
	 * only the key holder could.
	 */
	public static TokenMint fromPem(String pkcs8Pem) {
		String base64 = pkcs8Pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new TokenMint(new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build());
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalArgumentException("not a PKCS#8 PEM RSA key", ex);
		}
	}

	public RSAKey key() {
		return this.key;
	}

	/** A valid token for 15 minutes. */
	public String token(String subject, String... roles) {
		return sign(claims(subject, Instant.now().plus(Duration.ofMinutes(15)), roles));
	}

	/** Signed by this mint's key, but expired a minute ago. */
	public String expired(String subject, String... roles) {
		return sign(claims(subject, Instant.now().minus(Duration.ofMinutes(5)), roles));
	}

	/** The same claims as a valid token, with {@code alg: none} and no signature. */
	public static String unsigned(String subject, String... roles) {
		return new PlainJWT(claims(subject, Instant.now().plus(Duration.ofMinutes(15)), roles)).serialize();
	}

	/**
	 * A valid token whose payload was changed afterwards (to make its holder an admin).
	 */
	public static String tampered(String token) {
		String[] parts = token.split("\\.");
		try {
			JWTClaimsSet original = SignedJWT.parse(token).getJWTClaimsSet();
			JWTClaimsSet promoted = new JWTClaimsSet.Builder(original).claim("roles", List.of("ADMIN")).build();
			String payload = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(promoted.toString().getBytes(StandardCharsets.UTF_8));
			return parts[0] + "." + payload + "." + parts[2];
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("not a signed JWT", ex);
		}
	}

	private String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(String subject, Instant expiry, String... roles) {
		Instant issued = expiry.minus(Duration.ofMinutes(15));
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.issueTime(Date.from(issued))
			.notBeforeTime(Date.from(issued))
			.expirationTime(Date.from(expiry))
			.claim("roles", List.of(roles))
			.build();
	}

}
