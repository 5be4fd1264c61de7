package com.artisanmarket.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs tokens: from configuration (compose passes it as a secret) or,
 * on the local default, from a file generated on first start and readable only by its
 * owner, so that tokens survive a restart. Its key id is the key's thumbprint.
 */
final class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	private SigningKeys() {
	}

	static RSAKey load(IdentityProperties properties) {
		if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
			return toJwk(parse(properties.signingKey()));
		}
		Path file = properties.signingKeyFile();
		if (file == null) {
			throw new IllegalStateException(
					"Set marketplace.identity.signing-key (a PKCS#8 PEM RSA key) or marketplace.identity.signing-key-file");
		}
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			// Another gateway on this data directory may have written it first: the key
			// is the file's.
			return toJwk(parse(Files.readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the signing key " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String pem = BEGIN + "\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded()) + "\n"
					+ END + "\n";
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (OwnerOnlyFiles.writeIfAbsent(file, pem)) {
				logger.info("Generated a token signing key in {}", file);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPrivateCrtKey parse(String pem) {
		String base64 = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
		try {
			return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("the signing key is not a PKCS#8 PEM RSA private key", ex);
		}
	}

	private static RSAKey toJwk(RSAPrivateCrtKey privateKey) {
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes files only their owner may read (where the file system has POSIX
	 * permissions).
	 */
	static final class OwnerOnlyFiles {

		private OwnerOnlyFiles() {
		}

		/**
		 * Writes {@code content} to {@code file} unless the file exists, in one step: the
		 * content goes to a temporary file of its own, which is then linked as
		 * {@code file} (a link never replaces). Several gateways starting at once on one
		 * data directory so keep the first one's key or password, and none reads a file
		 * half written.
		 * @return whether this call wrote it
		 */
		static boolean writeIfAbsent(Path file, String content) throws IOException {
			Path temporary;
			try {
				temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
			}
			try {
				Files.writeString(temporary, content);
				Files.createLink(file, temporary);
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}

	}

}
