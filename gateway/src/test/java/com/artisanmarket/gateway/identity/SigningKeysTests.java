package com.artisanmarket.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several gateways on one data directory ({@code ./marketplace up --replicas gateway=2})
 * start at once and must all sign with one key.
 */
class SigningKeysTests {

	@TempDir
	Path data;

	@Test
	void gatewaysStartingAtOnceOnOneDataDirectoryAllSignWithTheFirstKeyWritten() throws Exception {
		try (ExecutorService gateways = Executors.newFixedThreadPool(4)) {
			for (int round = 0; round < 5; round++) {
				Path file = this.data.resolve("round-" + round).resolve("signing-key.pem");
				IdentityProperties properties = new IdentityProperties("artisan-marketplace", null, null, file, null,
						List.of(), 0);
				List<Future<RSAKey>> keys = new ArrayList<>();
				for (int gateway = 0; gateway < 4; gateway++) {
					keys.add(gateways.submit((Callable<RSAKey>) () -> SigningKeys.load(properties)));
				}
				List<String> ids = new ArrayList<>();
				for (Future<RSAKey> key : keys) {
					ids.add(key.get().getKeyID());
				}

				assertThat(ids).as("round %d", round).containsOnly(ids.get(0));
				assertThat(SigningKeys.load(properties).getKeyID()).isEqualTo(ids.get(0));
				try (var left = Files.list(file.getParent())) {
					assertThat(left).as("no temporary file left").containsExactly(file);
				}
			}
		}
	}

}
