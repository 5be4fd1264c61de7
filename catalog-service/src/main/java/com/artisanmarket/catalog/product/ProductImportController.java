package com.artisanmarket.catalog.product;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.artisanmarket.catalog.product.ProductImports.ImportReport;
import com.artisanmarket.support.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk listing: {@code POST /api/products/import} and {@code GET /api/products/export},
 * an artisan's own products as CSV (see {@link ProductImports}).
 */
@RestController
@RequestMapping("/api/products")
class ProductImportController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ProductImports imports;

	private final CatalogProperties properties;

	ProductImportController(ProductImports imports, CatalogProperties properties) {
		this.imports = imports;
		this.properties = properties;
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	ImportReport importCsv(HttpServletRequest request, Caller caller,
			@Parameter(hidden = true) @RequestHeader("Authorization") String authorization) throws IOException {
		return this.imports.importCsv(body(request), caller, authorization);
	}

	@GetMapping("/export")
	ResponseEntity<String> exportCsv(Caller caller) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("products.csv").build().toString())
			.body(this.imports.exportCsv(caller));
	}

	/**
	 * The body as UTF-8, read only up to the limit: a body that says it is larger is
	 * refused before reading, one that turns out larger as soon as it passes it.
	 */
	private String body(HttpServletRequest request) throws IOException {
		long limit = this.properties.importMaxSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) limit + 1);
			if (bytes.length > limit) {
				throw tooLarge(limit);
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static ResponseStatusException tooLarge(long limit) {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"An import may be at most " + limit / 1024 + " KiB; split the file.");
	}

}
