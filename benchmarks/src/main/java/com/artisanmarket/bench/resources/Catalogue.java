package com.artisanmarket.bench.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How big the catalogue was when the reads ran: the products a buyer can find, and what
 * they take on disk in catalog-service's search indexes and in the embedded database's
 * store (both under the data directory), since search times are only comparable at a
 * known size.
 *
 * @param products visible products ({@code totalItems} of {@code GET /api/products})
 * @param searchIndexBytes the files of every catalog-service instance's search index
 * ({@code catalog-service/search-*}), or -1 when there is none here
 * @param storeBytes the embedded database's files ({@code mongo/}), or -1 when there are
 * none (an external MongoDB)
 */
public record Catalogue(long products, long searchIndexBytes, long storeBytes) {

	private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

	/**
	 * Asks the gateway for the number of products and sums the files under the data
	 * directory.
	 * @param http the client
	 * @param gateway the gateway's base URL
	 * @param dataDir the marketplace's data directory
	 * @return the sizes now
	 */
	public static Catalogue measure(HttpClient http, String gateway, Path dataDir) {
		return new Catalogue(products(http, gateway), bytes(dataDir.resolve("catalog-service"), "search-"),
				bytes(dataDir, "mongo"));
	}

	static long products(HttpClient http, String gateway) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/products?size=1"))
				.timeout(Duration.ofSeconds(30))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher total = TOTAL.matcher(response.body());
			if (response.statusCode() != 200 || !total.find()) {
				throw new IllegalStateException(
						"GET /api/products answered " + response.statusCode() + " without totalItems");
			}
			return Long.parseLong(total.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The bytes of the files in the folders of {@code parent} named {@code prefix*}. */
	static long bytes(Path parent, String prefix) {
		if (!Files.isDirectory(parent)) {
			return -1;
		}
		try (Stream<Path> children = Files.list(parent)) {
			List<Path> folders = children.filter((child) -> child.getFileName().toString().startsWith(prefix))
				.filter(Files::isDirectory)
				.toList();
			if (folders.isEmpty()) {
				return -1;
			}
			long total = 0;
			for (Path folder : folders) {
				total += size(folder);
			}
			return total;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					// A segment Lucene merged away while we walked.
					return 0;
				}
			}).sum();
		}
	}

}
