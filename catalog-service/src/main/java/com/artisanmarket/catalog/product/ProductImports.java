package com.artisanmarket.catalog.product;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.support.outbox.Outbox;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.FieldValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk listing: an artisan's products in and out as CSV, one row per product. Each row
 * goes through the same validation and makes the same document (with its event in the
 * product's outbox) as {@code POST /api/products} and {@code PUT}, so the search index
 * sees every imported product exactly as if it had been listed by hand. Rows are saved
 * {@value #SAVE_BATCH} at a time: one read for the products they name and one bulk insert
 * of the new ones (each product still one document, written whole or not at all), so a
 * large file costs a few round trips per batch instead of three per row.
 * <p>
 * Importing is idempotent on the row's {@code key}: a new product gets an {@code _id}
 * derived from (artisan, key), and the embedded wire server enforces {@code _id}'s
 * uniqueness (it ignores non-unique indexes), so the same row imported twice, even
 * concurrently, lists one product. A key that is the id of one of the artisan's own
 * products (what the export writes for products listed by hand) names that product, so an
 * export imports back without creating anything.
 */
@Service
class ProductImports {

	/** The columns, in the order the export writes them. */
	static final List<String> COLUMNS = List.of("key", "title", "description", "category", "materials", "tags", "price",
			"currency", "stock", "images");

	static final Set<String> REQUIRED = Set.of("key", "title", "category", "price", "currency", "stock");

	/** Separates the values of a list column (materials, tags, images) in one cell. */
	static final String LIST_SEPARATOR = "|";

	static final int MAX_KEY_LENGTH = 100;

	/** Rows read and listed together. */
	private static final int SAVE_BATCH = 500;

	/**
	 * Products listed but not yet published above which an import waits for the outbox
	 * relay before its next batch.
	 */
	private static final int MAX_UNPUBLISHED = 10 * SAVE_BATCH;

	/** The longest such wait per batch. */
	private static final Duration MAX_WAIT_FOR_ROOM = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(ProductImports.class);

	private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

	private final Products products;

	private final MongoOperations mongo;

	private final Validator validator;

	private final Outbox outbox;

	private final CatalogProperties properties;

	ProductImports(Products products, MongoOperations mongo, Validator validator, Outbox outbox,
			CatalogProperties properties) {
		this.products = products;
		this.mongo = mongo;
		this.validator = validator;
		this.outbox = outbox;
		this.properties = properties;
	}

	/**
	 * Imports a CSV file of the caller's products.
	 * @throws ResponseStatusException 400 for a file that is not CSV with the columns
	 * above, 413 for more rows than {@code marketplace.catalog.import-max-rows}
	 */
	ImportReport importCsv(String csv, Caller caller, String bearerToken) {
		List<CSVRecord> records = parse(csv);
		ArtisanSnapshot artisan = this.products.maker(caller, bearerToken);
		RowResult[] results = new RowResult[records.size()];
		List<Row> valid = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			int row = i + 1;
			CSVRecord record = records.get(i);
			String key = value(record, "key");
			Integer earlier = (key != null) ? seen.putIfAbsent(key, row) : null;
			List<RowError> errors = new ArrayList<>();
			NewProduct listing = null;
			if (earlier != null) {
				errors.add(new RowError("key", "repeats the key of row " + earlier));
			}
			else {
				listing = read(key, record, errors);
			}
			if (errors.isEmpty()) {
				valid.add(new Row(row, key, listing));
			}
			else {
				results[i] = RowResult.refused(row, key, errors);
			}
		}
		for (int from = 0; from < valid.size(); from += SAVE_BATCH) {
			this.outbox.awaitRoom(MAX_UNPUBLISHED, MAX_WAIT_FOR_ROOM);
			List<Row> batch = valid.subList(from, Math.min(valid.size(), from + SAVE_BATCH));
			save(batch, artisan, caller).forEach((result) -> results[result.row() - 1] = result);
		}
		ImportReport report = ImportReport.of(Arrays.asList(results));
		logger.info("Artisan {} imported {} rows: {} created, {} updated, {} unchanged, {} refused", artisan.id(),
				report.rows(), report.created(), report.updated(), report.unchanged(), report.refused());
		return report;
	}

	/** The caller's products (archived ones left out), as CSV that imports back. */
	String exportCsv(Caller caller) {
		Query query = new Query(Criteria.where("ownerId").is(caller.accountId()).and("status").is(ProductStatus.ACTIVE))
			.with(Sort.by("createdAt", "_id"))
			.cursorBatchSize(1_000);
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
			for (Product product : this.mongo.find(query, Product.class)) {
				printer.printRecord((product.importKey() != null) ? product.importKey() : product.id(), product.title(),
						Objects.toString(product.description(), ""), product.category().name(),
						String.join(LIST_SEPARATOR, product.materials()), String.join(LIST_SEPARATOR, product.tags()),
						product.price().amount().toPlainString(), product.price().currency(), product.stock(),
						String.join(LIST_SEPARATOR, product.images()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private List<CSVRecord> parse(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
			List<String> header = parser.getHeaderNames();
			List<String> unknown = header.stream().filter((name) -> !COLUMNS.contains(name)).toList();
			List<String> missing = REQUIRED.stream().filter((name) -> !header.contains(name)).sorted().toList();
			if (!unknown.isEmpty() || !missing.isEmpty()) {
				throw badRequest("The header row must name the columns " + COLUMNS + " (required: "
						+ new TreeSet<>(REQUIRED) + "); unknown: " + unknown + ", missing: " + missing + ".");
			}
			int max = this.properties.importMaxRows();
			List<CSVRecord> records = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (records.size() == max) {
					throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
							"A file may hold at most " + max + " rows; split it into several imports.");
				}
				records.add(record);
			}
			return records;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			throw badRequest("The body is not readable as CSV with a header row: " + ex.getMessage());
		}
	}

	/**
	 * Reads and validates a row as {@code POST /api/products} validates its body.
	 * @return the listing, or {@code null} when {@code errors} says why not
	 */
	private NewProduct read(String key, CSVRecord record, List<RowError> errors) {
		if (key == null) {
			errors.add(new RowError("key", "must not be blank"));
		}
		else if (key.length() > MAX_KEY_LENGTH) {
			errors.add(new RowError("key", "size must be between 1 and " + MAX_KEY_LENGTH));
		}
		if (!record.isConsistent()) {
			errors.add(new RowError("row",
					"has " + record.size() + " cells, the header " + record.getParser().getHeaderNames().size()));
		}
		NewProduct listing = listing(record, errors);
		if (!errors.isEmpty()) {
			return null;
		}
		for (ConstraintViolation<NewProduct> violation : this.validator.validate(listing)) {
			errors.add(new RowError(column(violation.getPropertyPath().toString()), violation.getMessage()));
		}
		errors.sort((a, b) -> a.field().compareTo(b.field()));
		return errors.isEmpty() ? listing : null;
	}

	/**
	 * Saves valid rows: one read for the products they may name, and the new ones listed
	 * in one write, so that a large file costs a few round trips to MongoDB per batch
	 * rather than several per row.
	 * @return the rows' outcomes, in no particular order
	 */
	private List<RowResult> save(List<Row> rows, ArtisanSnapshot artisan, Caller caller) {
		Map<String, Product> existing = existing(rows, artisan.id());
		List<RowResult> results = new ArrayList<>(rows.size());
		List<Row> fresh = new ArrayList<>();
		List<Product> listed = new ArrayList<>();
		for (Row row : rows) {
			Product product = existing.get(row.key());
			try {
				if (product == null) {
					listed.add(this.products.newListing(row.listing(), idFor(artisan.id(), row.key()), row.key(),
							artisan, caller));
					fresh.add(row);
				}
				else {
					results.add(change(row, product, caller));
				}
			}
			catch (FieldValidationException ex) {
				results.add(RowResult.refused(row.row(), row.key(),
						List.of(new RowError(column(ex.field()), ex.getMessage()))));
			}
		}
		// Taken: the same row imported at the same moment by another request; it is
		// listed.
		Set<String> taken = this.products.insertAll(listed, artisan);
		for (int i = 0; i < fresh.size(); i++) {
			Row row = fresh.get(i);
			String id = listed.get(i).id();
			results.add(new RowResult(row.row(), row.key(), taken.contains(id) ? Outcome.UNCHANGED : Outcome.CREATED,
					id, List.of()));
		}
		return results;
	}

	/**
	 * The products the rows name, by row key: the one listed from the key before, or the
	 * artisan's own product whose id the key is (what an export writes for products
	 * listed by hand).
	 */
	private Map<String, Product> existing(List<Row> rows, String artisanId) {
		Set<String> ids = new HashSet<>();
		rows.forEach((row) -> {
			ids.add(idFor(artisanId, row.key()));
			ids.add(row.key());
		});
		Map<String, Product> byId = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(ids)), Product.class)
			.forEach((product) -> byId.put(product.id(), product));
		Map<String, Product> byKey = new HashMap<>();
		for (Row row : rows) {
			Product product = byId.get(idFor(artisanId, row.key()));
			if (product == null) {
				Product named = byId.get(row.key());
				product = (named != null && artisanId.equals(named.artisanId())) ? named : null;
			}
			if (product != null) {
				byKey.put(row.key(), product);
			}
		}
		return byKey;
	}

	private RowResult change(Row row, Product existing, Caller caller) {
		if (existing.status() == ProductStatus.ARCHIVED) {
			return RowResult.refused(row.row(), row.key(), List.of(new RowError("key", "names an archived product")));
		}
		if (same(existing, row.listing())) {
			return new RowResult(row.row(), row.key(), Outcome.UNCHANGED, existing.id(), List.of());
		}
		Product updated = this.products.update(existing.id(), row.listing(), null, caller);
		return new RowResult(row.row(), row.key(), Outcome.UPDATED, updated.id(), List.of());
	}

	/**
	 * The id of the product a row key lists: the same for the same artisan and key, and
	 * different across artisans, so that one artisan's keys never reach another's
	 * products.
	 */
	static String idFor(String artisanId, String key) {
		return UUID.nameUUIDFromBytes(("product-import\n" + artisanId + "\n" + key).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	private boolean same(Product product, NewProduct listing) {
		return Objects.equals(product.title(), listing.title())
				&& Objects.equals(blankToNull(product.description()), blankToNull(listing.description()))
				&& product.category() == listing.category() && product.materials().equals(listing.materials())
				&& product.tags().equals(listing.tags()) && product.images().equals(listing.images())
				&& product.stock() == listing.stock() && product.price().currency().equals(listing.price().currency())
				&& product.price().amount().compareTo(listing.price().amount()) == 0;
	}

	private static NewProduct listing(CSVRecord record, List<RowError> errors) {
		Category category = null;
		String categoryName = value(record, "category");
		if (categoryName != null) {
			try {
				category = Category.valueOf(categoryName.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new RowError("category", "must be one of " + Arrays.toString(Category.values())));
			}
		}
		BigDecimal amount = null;
		String price = value(record, "price");
		if (price != null) {
			try {
				amount = new BigDecimal(price);
			}
			catch (NumberFormatException ex) {
				errors.add(new RowError("price", "must be a number such as 12.50"));
			}
		}
		Integer stock = null;
		String units = value(record, "stock");
		if (units != null) {
			try {
				stock = Integer.valueOf(units);
			}
			catch (NumberFormatException ex) {
				errors.add(new RowError("stock", "must be a whole number"));
			}
		}
		return new NewProduct(value(record, "title"), value(record, "description"), category, list(record, "materials"),
				list(record, "tags"), new NewProduct.PriceInput(amount, value(record, "currency")), stock,
				list(record, "images"));
	}

	private static String value(CSVRecord record, String column) {
		if (!record.isMapped(column) || !record.isSet(column)) {
			return null;
		}
		String value = record.get(column);
		return value.isBlank() ? null : value.strip();
	}

	private static List<String> list(CSVRecord record, String column) {
		String value = value(record, column);
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split("\\|", -1)).map(String::strip).toList();
	}

	/** The CSV column of a field of {@link NewProduct}, for a row's reasons. */
	private static String column(String path) {
		if (path.startsWith("price.amount")) {
			return "price";
		}
		if (path.startsWith("price.currency")) {
			return "currency";
		}
		int end = path.indexOf('[');
		return (end < 0) ? path : path.substring(0, end);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

	/** A valid row, to be saved. */
	private record Row(int row, String key, NewProduct listing) {

	}

	/** What became of a row. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED, REFUSED

	}

	/**
	 * Why a row or a field of it was refused.
	 *
	 * @param field the CSV column (or {@code row} for the row as a whole)
	 * @param message what is wrong, as the single-product API says it
	 */
	record RowError(String field, String message) {

	}

	/**
	 * One row's outcome.
	 *
	 * @param row the row's number, 1 for the first row under the header
	 * @param key the client's row key as sent
	 * @param outcome created, updated, unchanged or refused
	 * @param productId the product the row lists (none when refused)
	 * @param errors why it was refused, one per field
	 */
	record RowResult(int row, String key, Outcome outcome, String productId, List<RowError> errors) {

		static RowResult refused(int row, String key, List<RowError> errors) {
			return new RowResult(row, key, Outcome.REFUSED, null, List.copyOf(errors));
		}

	}

	/**
	 * The answer to an import: counts, and every row's outcome in the file's order.
	 *
	 * @param rows the rows read
	 * @param created rows that listed a new product
	 * @param updated rows that changed an existing product
	 * @param unchanged rows whose product was already as described
	 * @param refused rows not imported, see their errors
	 * @param results one per row
	 */
	record ImportReport(int rows, int created, int updated, int unchanged, int refused, List<RowResult> results) {

		static ImportReport of(List<RowResult> results) {
			Map<Outcome, Integer> counts = new HashMap<>();
			results.forEach((result) -> counts.merge(result.outcome(), 1, Integer::sum));
			return new ImportReport(results.size(), counts.getOrDefault(Outcome.CREATED, 0),
					counts.getOrDefault(Outcome.UPDATED, 0), counts.getOrDefault(Outcome.UNCHANGED, 0),
					counts.getOrDefault(Outcome.REFUSED, 0), results);
		}

	}

}
