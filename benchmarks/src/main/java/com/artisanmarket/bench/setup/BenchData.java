package com.artisanmarket.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the setup prepared and the simulations use, handed from one JVM to the next as a
 * JSON file: the bench workshop's products (with stock enough for every order of a run)
 * and the signed-in buyers whose tokens the checkout reuses.
 *
 * @param artisanId the bench workshop's artisan profile
 * @param productIds its products, each with a large stock
 * @param categories categories that hold at least one product
 * @param buyers signed-in buyers
 */
public record BenchData(String artisanId, List<String> productIds, List<String> categories, List<Buyer> buyers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static BenchData read(Path file) {
		try {
			return JSON.readValue(Files.readString(file), BenchData.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the bench data " + file, ex);
		}
	}

	public void write(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, JSON.writeValueAsString(this));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public BenchData withBuyers(List<Buyer> signedIn) {
		return new BenchData(this.artisanId, this.productIds, this.categories, signedIn);
	}

	/**
	 * A buyer of the pool.
	 *
	 * @param email the account
	 * @param token a bearer token, valid for minutes
	 */
	public record Buyer(String email, String token) {

	}

}
