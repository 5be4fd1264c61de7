package com.artisanmarket.system;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents under {@code docs/openapi/} are what the running parts serve:
 * each part's document, read through the gateway (which also serves them to its Swagger
 * UI), must equal the checked-in one. And every documented endpoint has its rows in the
 * authorization matrix, so no endpoint goes out without its callers being tried.
 */
class OpenApiDocumentsSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	/** Each part's document and where the gateway serves it. */
	static final Map<String, String> DOCUMENTS = Map.of("gateway", "/v3/api-docs", "artisan-service",
			"/api-docs/artisan-service", "catalog-service", "/api-docs/catalog-service", "order-service",
			"/api-docs/order-service");

	static final Path CHECKED_IN = Path.of("").toAbsolutePath().getParent().resolve("docs/openapi");

	private static final Path SERVED = Path.of("target/openapi");

	private static final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]*}");

	@TestFactory
	List<DynamicTest> eachPartServesTheCheckedInDocument() {
		List<DynamicTest> tests = new ArrayList<>();
		DOCUMENTS.forEach((part, path) -> tests.add(DynamicTest.dynamicTest(part, () -> {
			HttpResponse<String> served = Http.get(marketplace.gatewayUrl() + path, Map.of());
			assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
			JsonNode document = json.readTree(served.body());
			Files.createDirectories(SERVED);
			json.writeValue(SERVED.resolve(part + ".json").toFile(), document);
			Path checkedIn = CHECKED_IN.resolve(part + ".json");
			assertThat(checkedIn).as("copy system-tests/target/openapi/%s.json to docs/openapi", part).exists();
			assertThat(document)
				.as("%s's OpenAPI document differs from docs/openapi/%s.json; if the change is meant, "
						+ "copy system-tests/target/openapi/%1$s.json there", part, part)
				.isEqualTo(json.readTree(checkedIn.toFile()));
		})));
		return tests;
	}

	@Test
	void everyDocumentedEndpointHasRowsInTheAuthorizationMatrix() throws IOException {
		TreeSet<String> inMatrix = new TreeSet<>();
		for (AuthorizationMatrixSystemTests.Row row : AuthorizationMatrixSystemTests.rows()) {
			String[] words = row.endpoint().split(" ");
			inMatrix.add(endpoint(words[0], words[1]));
		}
		TreeSet<String> documented = new TreeSet<>();
		for (String part : DOCUMENTS.keySet()) {
			JsonNode paths = json.readTree(CHECKED_IN.resolve(part + ".json").toFile()).path("paths");
			for (String path : paths.propertyNames()) {
				for (String method : paths.path(path).propertyNames()) {
					documented.add(endpoint(method, path));
				}
			}
		}
		assertThat(documented).as("documented endpoints").hasSizeGreaterThan(30);
		assertThat(inMatrix).as("rows of AuthorizationMatrixSystemTests").containsAll(documented);
	}

	/**
	 * {@code GET /api/products/{}}: the method and the path, whatever its variables are
	 * named.
	 */
	private static String endpoint(String method, String path) {
		return method.toUpperCase() + " " + PATH_VARIABLE.matcher(path).replaceAll("{}");
	}

}
