package com.artisanmarket.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts made through the gateway, as people sign up. */
final class Users {

	private Users() {
	}

	/**
	 * A new account, signed in.
	 * @param marketplace the running marketplace
	 * @param role BUYER or ARTISAN
	 * @return the account with its token
	 */
	static User signUp(MarketplaceStack marketplace, String role) {
		String email = role.toLowerCase() + "." + UUID.randomUUID() + "@example.com";
		String password = "pw-" + UUID.randomUUID();
		HttpResponse<String> registered = Http.postJson(marketplace.gatewayUrl() + "/api/auth/register",
				Http.toJson(Map.of("email", email, "password", password, "displayName", "Test " + role, "role", role)));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return signIn(marketplace, email, password);
	}

	static User signIn(MarketplaceStack marketplace, String email, String password) {
		HttpResponse<String> login = Http.postJson(marketplace.gatewayUrl() + "/api/auth/login",
				Http.toJson(Map.of("email", email, "password", password)));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		JsonNode body = Http.json(login);
		return new User(body.path("user").path("id").asString(), email, password, body.path("accessToken").asString());
	}

	/** The admin, with the password the gateway generated into the data directory. */
	static User admin(MarketplaceStack marketplace) {
		try {
			String password = Files.readString(marketplace.config().dataDir().resolve("gateway/admin-password")).trim();
			return signIn(marketplace, "admin@artisan-marketplace.local", password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record User(String id, String email, String password, String token) {

		Map<String, String> authorization() {
			return Map.of("Authorization", "Bearer " + this.token);
		}

	}

}
