package com.artisanmarket.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-ups, sign-ins and failed sign-ins leave no password in any part's log. */
class NoPasswordsInLogsSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@Test
	void noLogOfAnyPartContainsAPassword() throws IOException {
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		Users.User admin = Users.admin(marketplace);
		String mistyped = "mistyped-" + buyer.password();
		Http.postJson(marketplace.gatewayUrl() + "/api/auth/login",
				Http.toJson(Map.of("email", buyer.email(), "password", mistyped)));
		Http.postJson(marketplace.gatewayUrl() + "/api/auth/register",
				Http.toJson(Map.of("email", "broken", "password", "short-" + artisan.password())));

		List<Path> logs;
		try (Stream<Path> files = Files.list(marketplace.config().logDir())) {
			// <part>.log, and the services' consoles (<part>.out)
			logs = files.filter((file) -> file.toString().endsWith(".log") || file.toString().endsWith(".out"))
				.toList();
		}
		assertThat(logs).hasSizeGreaterThanOrEqualTo(10);
		for (Path log : logs) {
			String text = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(text).as(log.getFileName().toString())
				.doesNotContain(buyer.password())
				.doesNotContain(artisan.password())
				.doesNotContain(admin.password())
				.doesNotContain(mistyped);
		}
	}

}
