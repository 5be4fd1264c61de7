package com.artisanmarket.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: generated hostile requests to every public endpoint, through the gateway, as
 * every kind of caller (anonymous, buyer, artisan, admin): ids that cannot be ids (empty
 * and dot segments, encoded slashes and raw bytes, {@code $}-operators, huge numbers,
 * unicode edge cases), query strings, bodies (wrong types, deep nesting, raw bytes, every
 * field of every form broken in turn), headers, and methods an endpoint does not have.
 * <p>
 * Each answer must be below 500, and each 4xx must be {@code application/problem+json}
 * with its status inside: an attacker or a broken client learns nothing from a stack
 * trace, and a browser always gets an answer it can show. A body that is broken by
 * construction must never be answered with a 2xx, and after the run nothing that the
 * generators made was stored (products, profiles, accounts, orders, and the one product,
 * profile and order they aimed at are unchanged). An honest order placed right afterwards
 * is accepted and confirmed: bad input never opens a circuit breaker. At least
 * {@value #MINIMUM_REQUESTS} requests are sent in a run, which
 * {@link #afterAllProperties()}, ordered after the five properties, checks.
 * <p>
 * Each property is a plain JUnit test that loops over its tries (500, 700, 400, 400 and
 * 450), drawing its inputs from small generators over a {@link SplittableRandom}: it uses
 * seeded random generation with JUnit rather than jqwik because jqwik's author asks AI
 * agents not to use the library. The seed is {@code -Dbadinput.seed} or, when unset, a
 * random one; it is printed at the start and in every failure message, and
 * {@code -Dbadinput.seed=<seed>} replays the run's inputs. Nothing is shrunk: every try
 * is a request to the running marketplace, and the failing request is printed whole.
 * {@code -Dbadinput.discover=true} runs every try and lists every wrong answer at the end
 * instead of stopping at the first.
 * <p>
 * Not covered: a request line over 4 KiB or headers over 8 KiB, which the gateway's HTTP
 * server (Netty) answers with a bare 414 or 431 before any code of the marketplace runs
 * (see {@link #clip}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputPropertySystemTests {

	private static final int MINIMUM_REQUESTS = 2_000;

	/** In every text the generators make, so that none of it can hide in a listing. */
	private static final String MARKER = "fuzzmark" + letters(new SplittableRandom(), 8);

	/**
	 * Where the generated inputs come from: {@code -Dbadinput.seed}, or a random seed,
	 * printed.
	 */
	private static final long SEED = seed();

	/** The property and try under way, named in every failure. */
	private static volatile String current = "setup";

	private static final HttpClient client = newClient();

	private static final ObjectMapper json = new ObjectMapper();

	private static final AtomicInteger requests = new AtomicInteger();

	private static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	/**
	 * {@code -Dbadinput.discover=true}: every try runs, and every wrong answer is listed
	 * at the end, instead of stopping at the first.
	 */
	private static final boolean DISCOVER = Boolean.getBoolean("badinput.discover");

	/** The last answers, shown when one does not come. */
	private static final Deque<String> recent = new ArrayDeque<>();

	private static final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());

	/** Sign-ups the generators sent, each of which had to be refused. */
	private static final List<String[]> refusedSignUps = Collections.synchronizedList(new ArrayList<>());

	/** The smallest well-formed PNG: a 1×1 image. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC");

	private static MarketplaceStack marketplace;

	private static Map<Caller, Users.User> users;

	/** The artisan caller's own profile and product, the buyer caller's own order. */
	private static String profileId;

	private static String productId;

	private static String orderId;

	private static String mediaPath;

	/**
	 * What an honest buyer orders at the end, from an artisan the generators never are.
	 */
	private static String honestProductId;

	private static JsonNode productBefore;

	private static JsonNode profileBefore;

	private static String exportBefore;

	enum Caller {

		ANONYMOUS, BUYER, ARTISAN, ADMIN

	}

	/**
	 * What a body must look like for an endpoint, so that the generators can break it.
	 */
	enum Form {

		NONE, REGISTRATION, CREDENTIALS, REPLAY, PROFILE, VERIFICATION, PRODUCT, STOCK, CSV, IMAGE, ORDER, REASON,
		SHIPMENT

	}

	/**
	 * One public endpoint.
	 *
	 * @param method its method
	 * @param path its path, {@code {id}} standing for the id
	 * @param form the body it reads
	 * @param realId the id of the generators' own resource, used where a broken body
	 * cannot change it, or null
	 */
	record Endpoint(String method, String path, Form form, Supplier<String> realId) {

		boolean hasId() {
			return this.path.contains("{id}");
		}

		boolean writes() {
			return !this.method.equals("GET");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * One request.
	 *
	 * @param method the method
	 * @param path the path and query, already encoded
	 * @param headers the headers, the caller's token among them
	 * @param contentType the body's type, or null
	 * @param body the body, or null
	 * @param mustBeRefused whether a 2xx answer means something broken was accepted
	 */
	record Attempt(String method, String path, Map<String, String> headers, String contentType, byte[] body,
			boolean mustBeRefused) {

		@Override
		public String toString() {
			String shown = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
			if (shown.length() > 300) {
				shown = shown.substring(0, 300) + "…(" + this.body.length + " bytes)";
			}
			return this.method + " " + this.path + " " + this.headers + " [" + this.contentType + "] " + shown;
		}

	}

	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("POST", "/api/auth/register", Form.REGISTRATION, null),
			new Endpoint("POST", "/api/auth/login", Form.CREDENTIALS, null),
			new Endpoint("GET", "/api/auth/me", Form.NONE, null),
			new Endpoint("GET", "/.well-known/jwks.json", Form.NONE, null),
			new Endpoint("GET", "/api/admin/operations", Form.NONE, null),
			new Endpoint("GET", "/api/admin/dead-letters", Form.NONE, null),
			new Endpoint("POST", "/api/admin/dead-letters/replay", Form.REPLAY, null),
			new Endpoint("POST", "/api/artisans", Form.PROFILE, null),
			new Endpoint("GET", "/api/artisans", Form.NONE, null),
			new Endpoint("GET", "/api/artisans/me", Form.NONE, null),
			new Endpoint("GET", "/api/artisans/{id}", Form.NONE, () -> profileId),
			new Endpoint("PUT", "/api/artisans/{id}", Form.PROFILE, () -> profileId),
			new Endpoint("PUT", "/api/artisans/{id}/verification", Form.VERIFICATION, () -> profileId),
			new Endpoint("GET", "/api/artisans/{id}/stats", Form.NONE, () -> profileId),
			new Endpoint("POST", "/api/products", Form.PRODUCT, null),
			new Endpoint("GET", "/api/products", Form.NONE, null),
			new Endpoint("GET", "/api/products/suggest", Form.NONE, null),
			new Endpoint("GET", "/api/products/pricing", Form.NONE, null),
			new Endpoint("GET", "/api/products/export", Form.NONE, null),
			new Endpoint("POST", "/api/products/import", Form.CSV, null),
			new Endpoint("GET", "/api/products/{id}", Form.NONE, () -> productId),
			new Endpoint("PUT", "/api/products/{id}", Form.PRODUCT, () -> productId),
			new Endpoint("PATCH", "/api/products/{id}/stock", Form.STOCK, () -> productId),
			new Endpoint("DELETE", "/api/products/{id}", Form.NONE, null),
			new Endpoint("POST", "/api/products/{id}/images", Form.IMAGE, () -> productId),
			new Endpoint("GET", "/media/{id}", Form.NONE, () -> mediaPath.substring("/media/".length())),
			new Endpoint("POST", "/api/orders", Form.ORDER, null), new Endpoint("GET", "/api/orders", Form.NONE, null),
			new Endpoint("GET", "/api/orders/{id}", Form.NONE, () -> orderId),
			new Endpoint("POST", "/api/orders/{id}/cancel", Form.REASON, () -> orderId),
			new Endpoint("POST", "/api/orders/{id}/shipments", Form.SHIPMENT, () -> orderId),
			new Endpoint("POST", "/api/orders/{id}/decline", Form.REASON, () -> orderId),
			new Endpoint("POST", "/api/orders/{id}/delivery", Form.NONE, null));

	@BeforeAll
	static void people() {
		System.out.println("BadInputPropertySystemTests: seed " + SEED + " (replay with -Dbadinput.seed=" + SEED + ")");
		marketplace = MarketplaceStack.shared();
		Users.User artisan = Users.signUp(marketplace, "ARTISAN");
		Users.User buyer = Users.signUp(marketplace, "BUYER");
		users = Map.of(Caller.BUYER, buyer, Caller.ARTISAN, artisan, Caller.ADMIN, Users.admin(marketplace));
		profileId = profile(artisan, "Fuzzed Looms", "Sheki");
		productId = created(Settled
			.call(() -> Http.postJson(gateway("/api/products"), product("Fuzzed rug", 100), artisan.authorization())));
		HttpResponse<String> image = Settled.call(() -> Http.postFile(gateway("/api/products/" + productId + "/images"),
				"file", "rug.png", "image/png", PNG, artisan.authorization()));
		assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
		mediaPath = Http.json(image).path("url").asString();
		Users.User honest = Users.signUp(marketplace, "ARTISAN");
		profile(honest, "Honest Kilims", "Quba");
		honestProductId = created(Settled.call(
				() -> Http.postJson(gateway("/api/products"), product("Honest kilim", 1000), honest.authorization())));
		HttpResponse<String> order = Settled.call(() -> placeOrder(buyer, honestProductId));
		assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
		orderId = Http.json(order).path("id").asString();
		awaitStatus(buyer, orderId, "CONFIRMED");
		productBefore = withoutMaker(Http.json(Http.get(gateway("/api/products/" + productId))));
		profileBefore = Http.json(Http.get(gateway("/api/artisans/" + profileId), artisan.authorization()));
		exportBefore = Http.get(gateway("/api/products/export"), artisan.authorization()).body();
	}

	/**
	 * A weaver's profile for the account. When the gateway answered a 503 while the
	 * service still made the profile, {@link #settled} sends it again and gets 409 (one
	 * profile per account): the profile made is then the account's own.
	 */
	private static String profile(Users.User artisan, String displayName, String city) {
		HttpResponse<String> response = Settled.call(() -> Http.postJson(gateway("/api/artisans"),
				Http.toJson(Map.of("displayName", displayName, "craft", "weaving", "city", city, "country", "AZ")),
				artisan.authorization()));
		if (response.statusCode() == 409) {
			return Http.json(Http.get(gateway("/api/artisans/me"), artisan.authorization())).path("id").asString();
		}
		return created(response);
	}

	/**
	 * Ids that cannot be ids in every path that has one, with any body, as anyone.
	 */
	@Test
	@Order(1)
	void hostileIdsInPathsAreRefusedCleanly() {
		tries("hostileIdsInPathsAreRefusedCleanly", 500, (random) -> {
			Endpoint endpoint = oneOf(random, ENDPOINTS_WITH_ID);
			String id = hostileSegment(random);
			Caller caller = oneOf(random, Caller.values());
			Body body = anyBody(random);
			String path = endpoint.path().replace("{id}", id);
			check(new Attempt(endpoint.method(), path, callerHeaders(caller), body.contentType(), body.bytes(),
					endpoint.writes()));
		});
	}

	/**
	 * Every body-reading endpoint with a body broken by construction: a field of the
	 * wrong type, out of range, missing, an operator object, or no JSON at all. Where the
	 * endpoint names a resource, it is the generators' own one, so that an accepted body
	 * would change it.
	 */
	@Test
	@Order(2)
	void brokenBodiesAreRefusedAndNothingIsStored() {
		tries("brokenBodiesAreRefusedAndNothingIsStored", 700, (random) -> {
			Endpoint endpoint = oneOf(random, WRITING_ENDPOINTS);
			Caller caller = oneOf(random, Caller.values());
			Body body = brokenBody(endpoint.form(), random, endpoint.realId() != null);
			String path = endpoint.hasId() ? endpoint.path().replace("{id}", endpoint.realId().get()) : endpoint.path();
			Map<String, String> headers = callerHeaders(caller);
			if (endpoint.form() == Form.ORDER) {
				headers.put("Idempotency-Key", UUID.randomUUID().toString());
			}
			HttpResponse<String> response = check(
					new Attempt(endpoint.method(), path, headers, body.contentType(), body.bytes(), true));
			if (body.signUp() != null) {
				refusedSignUps.add(body.signUp());
			}
			if (endpoint.form() == Form.CSV && response != null && response.statusCode() == 200) {
				verify(() -> {
					JsonNode report = Http.json(response);
					assertThat(report.path("created").asInt() + report.path("updated").asInt())
						.as("import of a broken CSV: " + body + "\n -> " + response.body())
						.isZero();
				});
			}
		});
	}

	/**
	 * Query strings of wrong types, huge numbers, operators and repeated or nameless
	 * keys.
	 */
	@Test
	@Order(3)
	void hostileQueryStringsAreRefusedCleanly() {
		tries("hostileQueryStringsAreRefusedCleanly", 400, (random) -> {
			Endpoint endpoint = oneOf(random, READING_ENDPOINTS);
			String query = hostileQuery(random);
			Caller caller = oneOf(random, Caller.values());
			String path = endpoint.hasId() ? endpoint.path().replace("{id}", endpoint.realId().get()) : endpoint.path();
			check(new Attempt("GET", path + "?" + query, callerHeaders(caller), null, null, false));
		});
	}

	/**
	 * Hostile headers: tokens that are not tokens, content types and accepted types that
	 * do not fit, idempotency keys, preconditions, forwarded addresses and request ids.
	 */
	@Test
	@Order(4)
	void hostileHeadersAreRefusedCleanly() {
		tries("hostileHeadersAreRefusedCleanly", 400, (random) -> {
			Endpoint endpoint = oneOf(random, ENDPOINTS);
			Caller caller = oneOf(random, Caller.values());
			Map<String, String> hostile = hostileHeaderSet(random);
			String path = endpoint.path().replace("{id}", "000000000000000000000000");
			Map<String, String> headers = callerHeaders(caller);
			headers.putAll(hostile);
			Body body = endpoint.writes() ? brokenBody(endpoint.form(), random, true) : new Body(null, null, null);
			String contentType = hostile.containsKey("Content-Type") ? null : body.contentType();
			check(new Attempt(endpoint.method(), path, headers, contentType, body.bytes(), endpoint.writes()));
		});
	}

	/**
	 * Methods an endpoint does not have, and paths with empty, dot, encoded or matrix
	 * segments, each with a body that no endpoint takes.
	 */
	@Test
	@Order(5)
	void wrongMethodsAndOddPathsAreRefusedCleanly() {
		tries("wrongMethodsAndOddPathsAreRefusedCleanly", 450, (random) -> {
			Endpoint endpoint = oneOf(random, ENDPOINTS);
			String method = oneOf(random, METHODS);
			Function<String, String> mangle = oneOf(random, PATH_MANGLES);
			Caller caller = oneOf(random, Caller.values());
			Body body = unreadableBody(random);
			String path = mangle.apply(endpoint.path().replace("{id}", "000000000000000000000000"));
			boolean writes = !method.equals("GET");
			check(new Attempt(method, path, callerHeaders(caller), writes ? body.contentType() : null,
					writes ? body.bytes() : null, writes));
		});
	}

	/**
	 * Runs one property: {@code count} tries, each drawing its inputs from one random
	 * stream per property, seeded from {@link #SEED}. The first wrong answer fails the
	 * property, naming the try and the seed; in discover mode the wrong answers are
	 * collected and listed by {@link #afterAllProperties()}.
	 */
	private static void tries(String property, int count, Consumer<SplittableRandom> attempt) {
		SplittableRandom random = new SplittableRandom(SEED ^ property.hashCode());
		for (int i = 1; i <= count; i++) {
			current = property + " try " + i + "/" + count + ", seed " + SEED;
			try {
				attempt.accept(random);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError(current + " (replay with -Dbadinput.seed=" + SEED + "): " + ex.getMessage(),
						ex);
			}
		}
		current = "after " + property;
	}

	/**
	 * A check outside {@link #checkAnswer}: fails the try or, in discover mode, is listed
	 * at the end.
	 */
	private static void verify(Runnable check) {
		try {
			check.run();
		}
		catch (AssertionError ex) {
			if (!DISCOVER) {
				throw ex;
			}
			wrongAnswers.add(current + ": " + ex.getMessage());
		}
	}

	/**
	 * What must hold once every property ran: no wrong answers (discover mode), enough
	 * requests, nothing the generators made was stored, and an honest order still goes
	 * through. Ordered last rather than in an {@code @AfterAll}, so that a failure here
	 * is reported as a test of its own.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void afterAllProperties() {
		current = "after all properties";
		System.out.println("BadInputPropertySystemTests: seed " + SEED + ", " + requests.get()
				+ " hostile requests, answers by status " + new TreeMap<>(statuses));
		wrongAnswers.forEach((answer) -> System.out.println("WRONG ANSWER: " + answer + "\n"));
		try {
			assertThat(wrongAnswers).as("wrong answers").isEmpty();
			assertThat(requests.get()).as("hostile requests sent").isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
			nothingInvalidWasStored();
			anHonestOrderIsAccepted();
		}
		catch (AssertionError ex) {
			throw new AssertionError("seed " + SEED + " (replay with -Dbadinput.seed=" + SEED + "): " + ex.getMessage(),
					ex);
		}
	}

	private static void nothingInvalidWasStored() {
		Users.User artisan = users.get(Caller.ARTISAN);
		Users.User buyer = users.get(Caller.BUYER);
		assertThat(withoutMaker(Http.json(Http.get(gateway("/api/products/" + productId)))))
			.as("the generators' product")
			.isEqualTo(productBefore);
		assertThat(Http.json(Http.get(gateway("/api/artisans/" + profileId), artisan.authorization())))
			.as("the generators' profile")
			.isEqualTo(profileBefore);
		assertThat(Http.get(gateway("/api/products/export"), artisan.authorization()).body())
			.as("the generators' products")
			.isEqualTo(exportBefore);
		JsonNode orders = Http.json(Http.get(gateway("/api/orders"), buyer.authorization()));
		assertThat(orders.path("totalItems").asLong()).as(orders.toString()).isEqualTo(1);
		assertThat(orders.path("items").get(0).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(Http.json(Http.get(gateway("/api/products?q=" + MARKER))).path("totalItems").asLong())
			.as("products carrying " + MARKER)
			.isZero();
		assertThat(Http.json(Http.get(gateway("/api/artisans?q=" + MARKER), users.get(Caller.ADMIN).authorization()))
			.path("totalItems")
			.asLong()).as("profiles carrying " + MARKER).isZero();
		List<String[]> signUps;
		synchronized (refusedSignUps) {
			signUps = List.copyOf(refusedSignUps.subList(0, Math.min(30, refusedSignUps.size())));
		}
		for (String[] signUp : signUps) {
			HttpResponse<String> login = Http.postJson(gateway("/api/auth/login"),
					json.writeValueAsString(Map.of("email", signUp[0], "password", signUp[1])));
			assertThat(login.statusCode()).as("signing in as the refused " + signUp[0]).isNotEqualTo(200);
		}
	}

	private static void anHonestOrderIsAccepted() {
		Users.User honest = Users.signUp(marketplace, "BUYER");
		HttpResponse<String> order = placeOrder(honest, honestProductId);
		assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
		awaitStatus(honest, Http.json(order).path("id").asString(), "CONFIRMED");
	}

	// The check every answer passes

	private static HttpResponse<String> check(Attempt attempt) {
		HttpResponse<String> response;
		try {
			response = send(attempt, client);
		}
		catch (UncheckedIOException silent) {
			// A request the gateway never answers on a kept-alive connection (Reactor
			// Netty 1.3.6 fell silent after a refused request that had waited its turn:
			// see EdgeIntegrationTests) fails the try; the last answers on the client's
			// connections are shown.
			String failure = "no answer (" + silent.getCause() + ") to " + attempt + "\n after " + recent;
			if (!DISCOVER) {
				throw new AssertionError(failure, silent);
			}
			wrongAnswers.add(current + ": " + failure);
			return null;
		}
		synchronized (recent) {
			recent.addLast(attempt.method() + " " + clip(attempt.path(), 200) + " -> " + response.statusCode() + " "
					+ response.headers().firstValue("Content-Length").orElse("chunked"));
			if (recent.size() > 3) {
				recent.removeFirst();
			}
		}
		try {
			checkAnswer(attempt, response);
		}
		catch (AssertionError ex) {
			if (!DISCOVER) {
				throw ex;
			}
			wrongAnswers.add(current + ": " + ex.getMessage());
		}
		return response;
	}

	private static void checkAnswer(Attempt attempt, HttpResponse<String> response) {
		int status = response.statusCode();
		statuses.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
		String shown = attempt + "\n -> " + status + " " + response.headers().map() + "\n" + response.body();
		assertThat(status).as(shown).isLessThan(500);
		if (status >= 400) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(shown)
				.startsWith("application/problem+json");
			JsonNode problem;
			try {
				problem = json.readTree(response.body());
			}
			catch (RuntimeException ex) {
				throw new AssertionError("not JSON: " + shown, ex);
			}
			assertThat(problem.path("status").asInt()).as(shown).isEqualTo(status);
		}
		else if (attempt.mustBeRefused() && !isImportReport(attempt, response)) {
			assertThat(status).as("accepted though broken: " + shown).isGreaterThanOrEqualTo(400);
		}
	}

	private static boolean isImportReport(Attempt attempt, HttpResponse<String> response) {
		return attempt.path().startsWith("/api/products/import") && response.statusCode() == 200
				&& !attempt.method().equals("GET");
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static HttpResponse<String> send(Attempt attempt, HttpClient client) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(marketplace.gatewayUrl() + attempt.path()))
			.timeout(Duration.ofSeconds(10));
		HttpRequest.BodyPublisher body = (attempt.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(attempt.body()) : HttpRequest.BodyPublishers.noBody();
		request.method(attempt.method(), body);
		if (attempt.contentType() != null) {
			request.header("Content-Type", attempt.contentType());
		}
		attempt.headers().forEach(request::header);
		requests.incrementAndGet();
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(attempt.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// What the properties draw from: small generators over one seeded random stream

	private static final List<Endpoint> ENDPOINTS_WITH_ID = ENDPOINTS.stream().filter(Endpoint::hasId).toList();

	private static final List<Endpoint> WRITING_ENDPOINTS = ENDPOINTS.stream()
		.filter((endpoint) -> endpoint.form() != Form.NONE)
		.filter((endpoint) -> !endpoint.hasId() || endpoint.realId() != null)
		.toList();

	private static final List<Endpoint> READING_ENDPOINTS = ENDPOINTS.stream()
		.filter((endpoint) -> !endpoint.writes())
		.filter((endpoint) -> !endpoint.hasId() || endpoint.realId() != null)
		.toList();

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	/** One generator and how often it is chosen among others. */
	record Weighted<T>(int weight, Function<SplittableRandom, T> generator) {

	}

	private static <T> Weighted<T> weight(int weight, Function<SplittableRandom, T> generator) {
		return new Weighted<>(weight, generator);
	}

	/** A value from one of the generators, each chosen in proportion to its weight. */
	@SafeVarargs
	private static <T> T frequency(SplittableRandom random, Weighted<T>... generators) {
		int total = 0;
		for (Weighted<T> generator : generators) {
			total += generator.weight();
		}
		int pick = random.nextInt(total);
		for (Weighted<T> generator : generators) {
			pick -= generator.weight();
			if (pick < 0) {
				return generator.generator().apply(random);
			}
		}
		throw new IllegalStateException("weights " + total);
	}

	@SafeVarargs
	private static <T> T oneOf(SplittableRandom random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private static <T> T oneOf(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** Between {@code min} and {@code max} random bytes, both included. */
	private static byte[] bytes(SplittableRandom random, int min, int max) {
		byte[] bytes = new byte[random.nextInt(min, max + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Between {@code min} and {@code max} characters, each from one of the ranges. */
	private static String chars(SplittableRandom random, int min, int max, char[]... ranges) {
		int length = random.nextInt(min, max + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char[] range = ranges[random.nextInt(ranges.length)];
			text.append((char) random.nextInt(range[0], range[1] + 1));
		}
		return text.toString();
	}

	private static final String[] LITERAL_SEGMENTS = { "", ".", "..", "%2e", "%2e%2e", "%2F", "a%2Fb", "%5C", "..%2F..",
			"%00", "%ff%fe", "%C0%AE", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%98%80", "%ED%A0%80", ";", ";x=1",
			"a;jsessionid=1", "%25", "%2525", "*", "~", "me", "import", "export", "suggest", "pricing",
			"000000000000000000000000", "ffffffffffffffffffffffff", "0", "-1", "99999999999999999999999999", "1e999",
			"NaN", "%7Bx%7D", "%24ne", "%5B%24ne%5D", "%7B%22%24gt%22%3A%22%22%7D", "null", "undefined", "a".repeat(65),
			"x".repeat(2000) };

	/**
	 * An id as it appears in a path: encoded, raw bytes, or a segment that is not one.
	 */
	static String hostileSegment(SplittableRandom random) {
		return frequency(random, weight(3, (r) -> oneOf(r, LITERAL_SEGMENTS)),
				weight(4, (r) -> clip(encode(hostileText(r)), 3000)), weight(2, (r) -> encodeBytes(bytes(r, 1, 24))));
	}

	private static final String[] KNOWN_TEXTS = { "", " ", "$ne", "$gt", "$where", "$regex", "{\"$ne\": null}",
			"{\"$gt\": \"\"}", "..", "../../etc/passwd", "%", "%00", "null", "true", "-1", "0", "-0", "NaN", "Infinity",
			"1e999999999", "99999999999999999999999", "-9223372036854775809", "2147483648", "0x7fffffff", "1,2", "{x}",
			"{0}", "*", "\\", "/", "?", "#", "&", "=", ";", "[]", "[0]", "__proto__", "constructor", "😀",
			"👩‍👩‍👧‍👦", "\u202Eevil", "\u200B", "\uFEFF", "e\u0301", "ﷺ", "ǅ", "İ", "ß", "\u0000", "\u001B[31m",
			"\uFFFF", "\uD83D", "\uDE00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "<script>alert(1)</script>", "' OR 1=1 --",
			"${jndi:ldap://x/}", "{{7*7}}", "=cmd|' /C calc'!A0", "\r\nX-Injected: 1", "\t" };

	private static final char[] ANY_CHAR = { '\u0000', '\uFFFF' };

	/** Controls, the C1 block, zero-width and bidi marks, lone surrogates, specials. */
	private static final char[][] EDGE_CHARS = { { '\u0000', '\u001F' }, { '\u007F', '\u00A0' }, { '\u200B', '\u202E' },
			{ '\uD800', '\uDFFF' }, { '\uFFF0', '\uFFFF' } };

	/**
	 * Text that breaks things: unicode edge cases, operators, numbers too big, markup.
	 */
	static String hostileText(SplittableRandom random) {
		return frequency(random, weight(5, (r) -> oneOf(r, KNOWN_TEXTS)), weight(3, (r) -> chars(r, 0, 30, ANY_CHAR)),
				weight(2, (r) -> chars(r, 1, 12, EDGE_CHARS)), weight(1, BadInputPropertySystemTests::hugeNumber),
				weight(1, (r) -> oneOf(r, "a", "€", "😀", "%", "{").repeat(r.nextInt(100, 6001))));
	}

	/** An integer of 19 to 61 digits (10^18 to 10^60), negative half of the time. */
	private static String hugeNumber(SplittableRandom random) {
		StringBuilder digits = new StringBuilder().append(random.nextInt(1, 10));
		int more = random.nextInt(18, 60);
		for (int i = 0; i < more; i++) {
			digits.append(random.nextInt(10));
		}
		BigInteger number = new BigInteger(digits.toString()).min(BigInteger.TEN.pow(60));
		return (random.nextBoolean() ? "-" : "") + number;
	}

	private static final String[] QUERY_NAMES = { "q", "category", "country", "craft", "artisanId", "currency",
			"minPrice", "maxPrice", "inStock", "minRating", "sort", "page", "size", "status", "ids" };

	private static final String[] ODD_QUERY_NAMES = { "q[$ne]", "$where", "", "page[]", "__proto__", "size[0]", "q.q" };

	private static final String[] QUERY_VALUES = { "-1", "2147483647", "2147483648", "9223372036854775807",
			"9223372036854775808", "1e309", "-1e309", "NaN", "Infinity", "-0", "0x10", "0.000000001", "", "true", "yes",
			"PRICE_DESC", "relevance", "JEWELRY", "PENDING", "AZ", "100", "101" };

	static String hostileQuery(SplittableRandom random) {
		int count = random.nextInt(1, 7);
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = frequency(random, weight(6, (r) -> oneOf(r, QUERY_NAMES)),
					weight(2, (r) -> oneOf(r, ODD_QUERY_NAMES)), weight(1, BadInputPropertySystemTests::hostileText));
			String value = frequency(random, weight(3, (r) -> oneOf(r, QUERY_VALUES)),
					weight(3, BadInputPropertySystemTests::hostileText));
			pairs.add(switch (random.nextInt(10)) {
				case 0 -> clip(encode(name), 100);
				case 1 -> clip(encode(name), 100) + "=";
				default -> clip(encode(name), 100) + "=" + clip(encode(value), 500);
			});
		}
		return String.join(oneOf(random, "&", "&&", ";", "&"), pairs);
	}

	private static final String[] AUTHORIZATIONS = { "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer x",
			"Bearer a.b.c", "Bearer ..", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.",
			"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl", "Bearer " + "A".repeat(4000),
			"Negotiate YII=", "Bearer $ne", "Bearer {\"$ne\":null}" };

	private static final String[] CONTENT_TYPES = { "application/json; charset=utf-16",
			"application/json; charset=x-unknown", "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x", "*/*",
			"application/json;;;", "garbage", "", "application/problem+json", "text/csv", "image/png",
			"application/*" };

	private static final String[] ACCEPTS = { "application/xml", "image/png", "*/*;q=abc", "garbage", "",
			"application/problem+json", "text/csv", "application/json;q=0", "text/event-stream", "application/*" };

	private static final String[] OTHER_HEADERS = { "Idempotency-Key", "If-Match", "If-None-Match", "X-Forwarded-For",
			"X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "Forwarded", "X-Request-Id", "Cookie",
			"Origin", "Accept-Language", "Range", "X-HTTP-Method-Override", "X-Original-URL", "Accept-Charset",
			"If-Modified-Since" };

	static Map<String, String> hostileHeaderSet(SplittableRandom random) {
		int count = random.nextInt(1, 5);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			Map.Entry<String, String> entry = frequency(random,
					weight(2, (r) -> Map.entry("Authorization", oneOf(r, AUTHORIZATIONS))),
					weight(2, (r) -> Map.entry("Content-Type", oneOf(r, CONTENT_TYPES))),
					weight(1, (r) -> Map.entry("Accept", oneOf(r, ACCEPTS))),
					weight(5, (r) -> Map.entry(oneOf(r, OTHER_HEADERS), headerValue(hostileText(r)))));
			headers.put(entry.getKey(), entry.getValue());
		}
		return headers;
	}

	private static final List<Function<String, String>> PATH_MANGLES = List.of(named("as is", (path) -> path),
			named("trailing slash", (path) -> path + "/"), named("double slashes", (path) -> path.replace("/", "//")),
			named("leading double slash", (path) -> "/" + path),
			named("empty segment inside", (path) -> path.replaceFirst("/api/", "/api//")),
			named("dot segment", (path) -> path.replaceFirst("/api/", "/api/./")),
			named("dot-dot segment", (path) -> path.replaceFirst("/api/", "/api/x/../")),
			named("encoded dot-dot", (path) -> path.replaceFirst("/api/", "/api/x/%2e%2e/")),
			named("encoded slash", (path) -> path.replaceFirst("/api/", "/api%2F")),
			named("backslash", (path) -> path.replaceFirst("/api/", "/api%5C")),
			named("matrix parameter", (path) -> path.replaceFirst("/api/", "/api;x=1/")),
			named("upper case", (path) -> path.toUpperCase(Locale.ROOT)), named("null byte", (path) -> path + "%00"),
			named("raw byte", (path) -> path + "%ff"), named("fragment-like", (path) -> path + "%23x"),
			named("query only", (path) -> path + "?"),
			named("double encoded", (path) -> "/" + path.substring(1).replace("/", "%252F")));

	private static Function<String, String> named(String name, Function<String, String> mangle) {
		return new Function<>() {

			@Override
			public String apply(String path) {
				return mangle.apply(path);
			}

			@Override
			public String toString() {
				return name;
			}

		};
	}

	/**
	 * A body and its type.
	 *
	 * @param contentType its type, or null
	 * @param bytes the body, or null
	 * @param signUp the email and password of a sign-up body, or null
	 */
	record Body(String contentType, byte[] bytes, String[] signUp) {

		@Override
		public String toString() {
			return "[" + this.contentType + "] "
					+ ((this.bytes != null) ? new String(this.bytes, StandardCharsets.UTF_8) : "(none)");
		}

	}

	static Body anyBody(SplittableRandom random) {
		return frequency(random, weight(2, (r) -> new Body(null, null, null)),
				weight(3, BadInputPropertySystemTests::unreadableBody),
				weight(2, (r) -> brokenBody(oneOf(r, Form.values()), r, false)),
				weight(1, (r) -> jsonBody(oneOf(r, "", "null", "{}", "[]", "\"text\"", "0", "true"))));
	}

	private static final String[] BROKEN_JSON = { "{", "[", "{\"reason\":", "{\"reason\": \"x\",}", "{reason: \"x\"}",
			"{\"reason\": 'x'}", "{\"reason\": NaN}", "/* c */ {\"reason\": \"x\"}", "[1, 2, 3]", "[]", "[{}]",
			"{\"reason\": {\"$ne\": null}}", "{\"reason\": [\"a\", \"b\"]}",
			"{\"trackingRef\": {\"$where\": \"sleep(1000)\"}}", "{\"stock\": {\"$gt\": 0}}", "\uFEFF{\"reason\": {}}",
			"{\"reason\": \"unterminated" };

	/** Bodies that no endpoint can read as what it expects, whatever it expects. */
	static Body unreadableBody(SplittableRandom random) {
		return frequency(random, weight(3, (r) -> jsonBody(oneOf(r, BROKEN_JSON))), weight(2, (r) -> {
			int depth = r.nextInt(1, 4001);
			String open = oneOf(r, "[", "{\"reason\":", "{\"a\":");
			return jsonBody(
					"{\"reason\":" + open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth) + "}");
		}), weight(2, (r) -> {
			byte[] bytes = bytes(r, 1, 300);
			byte[] body = new byte[bytes.length + 1];
			body[0] = (byte) 0xFF;
			System.arraycopy(bytes, 0, body, 1, bytes.length);
			return new Body("application/json", body, null);
		}), weight(1,
				(r) -> new Body("application/json", oneOf(r, BROKEN_JSON).getBytes(StandardCharsets.UTF_16), null)));
	}

	private static Body jsonBody(String text) {
		return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), null);
	}

	// Broken bodies: a valid one of the form, then at least one field broken for sure

	private static final Object OPERATOR = Map.of("$ne", "");

	/**
	 * A body of the form that must be refused.
	 * @param aimedAtRealResource whether it goes to a resource that exists, where only a
	 * body that cannot be read is safe for the forms whose fields are all optional
	 */
	static Body brokenBody(Form form, SplittableRandom random, boolean aimedAtRealResource) {
		return switch (form) {
			case NONE -> (random.nextBoolean()) ? new Body(null, null, null) : unreadable(form, random);
			case REASON, SHIPMENT -> unreadable(form, random);
			case CSV -> brokenCsv(random);
			case IMAGE -> brokenImage(random);
			default -> brokenJson(form, random);
		};
	}

	/**
	 * A body that cannot be read as the form: not JSON, or JSON whose form field has a
	 * type that nothing converts. An unknown field would be ignored (and {@code {}} is a
	 * valid reason), so none is used here.
	 */
	private static Body unreadable(Form form, SplittableRandom random) {
		String field = (form == Form.SHIPMENT) ? "trackingRef" : "reason";
		List<String> bodies = List.of("{", "[1]", "{\"" + field + "\": {\"$ne\": null}}",
				"{\"" + field + "\": [\"a\", \"b\"]}", "{\"" + field + "\": NaN}",
				"[" + "[".repeat(random.nextInt(3000)) + "]", "{" + field + ": 1}");
		if (random.nextInt(4) == 0) {
			byte[] raw = new byte[1 + random.nextInt(200)];
			random.nextBytes(raw);
			raw[0] = (byte) 0xFE;
			return new Body("application/json", raw, null);
		}
		return jsonBody(bodies.get(random.nextInt(bodies.size())));
	}

	private static Body brokenJson(Form form, SplittableRandom random) {
		Map<String, Object> body = validBody(form, random);
		List<Breakage> breakages = breakages(form, random);
		int count = 1 + random.nextInt(2);
		for (int i = 0; i < count; i++) {
			breakages.get(random.nextInt(breakages.size())).apply(body);
		}
		if (random.nextInt(3) == 0) {
			body.put("$where", "sleep(5000)");
			body.put("__proto__", Map.of("admin", true));
		}
		String[] signUp = null;
		if (form == Form.REGISTRATION && body.get("email") instanceof String email
				&& body.get("password") instanceof String password) {
			signUp = new String[] { email, password };
		}
		return new Body("application/json", json.writeValueAsBytes(body), signUp);
	}

	private static Map<String, Object> validBody(Form form, SplittableRandom random) {
		Map<String, Object> body = new LinkedHashMap<>();
		String text = MARKER + " " + sample(random);
		switch (form) {
			case REGISTRATION -> {
				body.put("email", MARKER + "." + UUID.randomUUID() + "@example.com");
				body.put("password", "pw-" + UUID.randomUUID());
				body.put("displayName", MARKER);
				body.put("role", "BUYER");
			}
			case CREDENTIALS -> {
				body.put("email", MARKER + "@example.com");
				body.put("password", "pw-" + UUID.randomUUID());
			}
			case REPLAY -> {
				body.put("service", "catalog-service");
				body.put("topic", "none-dlt");
				body.put("partition", 0);
				body.put("offset", 0);
			}
			case PROFILE -> {
				body.put("displayName", MARKER);
				body.put("craft", text);
				body.put("story", text);
				body.put("city", "Sheki");
				body.put("country", "AZ");
				body.put("languages", new ArrayList<>(List.of("az")));
				body.put("links", new ArrayList<>(List.of("https://example.com/" + MARKER)));
			}
			case VERIFICATION -> {
				body.put("status", "VERIFIED");
				body.put("note", text);
			}
			case PRODUCT -> {
				body.put("title", MARKER + " rug");
				body.put("description", text);
				body.put("category", "CARPETS");
				body.put("materials", new ArrayList<>(List.of("wool")));
				body.put("tags", new ArrayList<>(List.of(MARKER)));
				Map<String, Object> price = new LinkedHashMap<>();
				price.put("amount", "12.50");
				price.put("currency", "USD");
				body.put("price", price);
				body.put("stock", 3);
			}
			case STOCK -> body.put("stock", 7);
			case ORDER -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("productId", honestProductId);
				item.put("quantity", 1);
				body.put("items", new ArrayList<>(List.of(item)));
				Map<String, Object> address = new LinkedHashMap<>();
				address.put("fullName", MARKER);
				address.put("line1", text);
				address.put("city", "Baku");
				address.put("postalCode", "AZ1000");
				address.put("country", "AZ");
				body.put("shippingAddress", address);
			}
			default -> throw new IllegalArgumentException(form.name());
		}
		return body;
	}

	/** One change that makes a valid body of the form invalid, whatever else it holds. */
	interface Breakage {

		void apply(Map<String, Object> body);

	}

	@SuppressWarnings("unchecked")
	private static List<Breakage> breakages(Form form, SplittableRandom random) {
		List<Breakage> all = new ArrayList<>();
		switch (form) {
			case REGISTRATION -> {
				all.addAll(breakText("email", "not-an-email", "a@", "@example.com", MARKER + "@" + "x".repeat(260)));
				all.addAll(breakText("password", "short-pw", "€".repeat(30), "\u0000".repeat(9)));
				all.addAll(breakText("displayName", "x", "y".repeat(61), " "));
				all.addAll(breakText("role", "ADMIN", "HACKER", "buyer ", ""));
				all.add((body) -> body.put("password", body.get("email")));
			}
			case CREDENTIALS -> {
				all.addAll(breakText("email", "", " ", "x".repeat(255)));
				all.addAll(breakText("password", "", "p".repeat(1025)));
			}
			case REPLAY -> {
				all.addAll(breakText("service", "hacker-service", "", "http://127.0.0.1:1", "../catalog-service",
						"gateway"));
				all.add((body) -> body.put("partition", "zero"));
				all.add((body) -> body.put("partition", new BigInteger("99999999999999999999")));
				all.add((body) -> body.put("partition", OPERATOR));
				all.add((body) -> body.put("offset", new BigDecimal("1e400")));
				all.add((body) -> body.put("offset", "-"));
			}
			case PROFILE -> {
				all.addAll(breakText("displayName", "", "x", "d".repeat(81)));
				all.addAll(breakText("craft", "", "c".repeat(81)));
				all.addAll(breakText("city", "", " "));
				all.addAll(breakText("country", "ZZZ", "", "A1", "az1"));
				all.add((body) -> body.put("story", "s".repeat(4001)));
				all.add((body) -> body.put("languages", List.of("English")));
				all.add((body) -> body.put("languages", Collections.nCopies(11, "az")));
				all.add((body) -> body.put("links", List.of("http://example.com")));
				all.add((body) -> body.put("links", List.of("javascript:alert(1)")));
				all.add((body) -> body.put("links", OPERATOR));
			}
			case VERIFICATION -> {
				all.addAll(breakText("status", "HACKED", "", "verified!"));
				all.add((body) -> body.put("note", "n".repeat(1001)));
			}
			case PRODUCT -> {
				all.addAll(breakText("title", "", "ab", "t".repeat(121), "   "));
				all.addAll(breakText("category", "HACKED", ""));
				all.add((body) -> body.put("description", "d".repeat(5001)));
				all.add((body) -> body.put("price", "free"));
				all.add((body) -> body.put("price", List.of(1, 2)));
				all.add((body) -> body.remove("price"));
				all.add((body) -> nested(body, "price").put("amount", -1));
				all.add((body) -> nested(body, "price").put("amount", 0));
				all.add((body) -> nested(body, "price").put("amount", "0.001"));
				all.add((body) -> nested(body, "price").put("amount", new BigDecimal("1e999999")));
				all.add((body) -> nested(body, "price").put("amount", "twelve"));
				all.add((body) -> nested(body, "price").put("amount", OPERATOR));
				all.add((body) -> nested(body, "price").put("currency", "usd"));
				all.add((body) -> nested(body, "price").put("currency", "€€€"));
				all.add((body) -> nested(body, "price").remove("currency"));
				all.add((body) -> body.put("materials", List.of("")));
				all.add((body) -> body.put("materials", Collections.nCopies(21, "wool")));
				all.add((body) -> body.put("tags", List.of("t".repeat(41))));
				all.add((body) -> body.put("images", List.of("https://tracker.example/pixel.png")));
				all.add((body) -> body.put("images", List.of("/media/../../etc/passwd")));
				all.addAll(breakStock());
			}
			case STOCK -> all.addAll(breakStock());
			case ORDER -> {
				all.add((body) -> body.put("items", List.of()));
				all.add((body) -> body.remove("items"));
				all.add((body) -> body.put("items", OPERATOR));
				all.add((body) -> body.put("items",
						Collections.nCopies(51, Map.of("productId", honestProductId, "quantity", 1))));
				all.add((body) -> firstItem(body).put("productId", "$ne"));
				all.add((body) -> firstItem(body).put("productId", OPERATOR));
				all.add((body) -> firstItem(body).put("productId", "../pricing"));
				all.add((body) -> firstItem(body).put("productId", "{x}"));
				all.add((body) -> firstItem(body).put("productId", ""));
				all.add((body) -> firstItem(body).put("quantity", 0));
				all.add((body) -> firstItem(body).put("quantity", -1));
				all.add((body) -> firstItem(body).put("quantity", 1001));
				all.add((body) -> firstItem(body).put("quantity", new BigInteger("99999999999999999999")));
				all.add((body) -> firstItem(body).put("quantity", "one"));
				all.add((body) -> body.put("shippingAddress", "Baku"));
				all.add((body) -> body.remove("shippingAddress"));
				all.add((body) -> nested(body, "shippingAddress").put("country", "ZZZ"));
				all.add((body) -> nested(body, "shippingAddress").put("fullName", ""));
				all.add((body) -> nested(body, "shippingAddress").put("postalCode", "p".repeat(21)));
				all.add((body) -> nested(body, "shippingAddress").put("city", OPERATOR));
			}
			default -> throw new IllegalArgumentException(form.name());
		}
		return all;
	}

	/**
	 * The object under the key, to break a field of; when an earlier breakage put
	 * something else there the body is broken already, and a throwaway object is
	 * returned.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> body, String key) {
		return (body.get(key) instanceof Map<?, ?> map) ? (Map<String, Object>) map : new LinkedHashMap<>();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstItem(Map<String, Object> body) {
		if (body.get("items") instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map<?, ?> item) {
			Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) item);
			List<Object> list = new ArrayList<>(items);
			list.set(0, copy);
			body.put("items", list);
			return copy;
		}
		// An earlier breakage took the items: this one breaks them again.
		body.put("items", List.of());
		return new LinkedHashMap<>();
	}

	/** The field set to each value, or to an operator, or left out, or null. */
	private static List<Breakage> breakText(String field, String... values) {
		List<Breakage> all = new ArrayList<>();
		for (String value : values) {
			all.add((body) -> body.put(field, value));
		}
		all.add((body) -> body.put(field, OPERATOR));
		all.add((body) -> body.put(field, List.of("a", "b")));
		all.add((body) -> body.remove(field));
		all.add((body) -> body.put(field, null));
		return all;
	}

	private static List<Breakage> breakStock() {
		return List.of((body) -> body.put("stock", -1), (body) -> body.put("stock", 100_001),
				(body) -> body.put("stock", new BigInteger("99999999999999999999")),
				(body) -> body.put("stock", new BigDecimal("1e400")), (body) -> body.put("stock", "ten"),
				(body) -> body.put("stock", OPERATOR), (body) -> body.put("stock", null),
				(body) -> body.remove("stock"), (body) -> body.put("stock", List.of(1)));
	}

	/** A CSV whose every row is refused, or that is no CSV at all. */
	private static Body brokenCsv(SplittableRandom random) {
		if (random.nextInt(4) == 0) {
			List<String> unreadable = List.of("", "\"", "key,title\n", "a,b,c\n1,2,3\n",
					"key,title,category,price,currency,stock,$where\n", "key,key,title,category,price,currency,stock\n",
					"\uFEFF\"key\",\"title\n");
			String text = unreadable.get(random.nextInt(unreadable.size()));
			return new Body("text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
		}
		StringBuilder csv = new StringBuilder("key,title,category,price,currency,stock\n");
		int rows = 1 + random.nextInt(5);
		for (int row = 0; row < rows; row++) {
			String[] cells = { MARKER + "-" + row, MARKER + " " + sample(random), "CARPETS", "12.50", "USD", "3" };
			List<Runnable> breakages = List.of(() -> cells[0] = "", () -> cells[0] = "k".repeat(200),
					() -> cells[1] = "", () -> cells[1] = "t".repeat(121), () -> cells[2] = "HACKED",
					() -> cells[2] = "$ne", () -> cells[3] = "-1", () -> cells[3] = "1e999999", () -> cells[3] = "abc",
					() -> cells[3] = "0.001", () -> cells[4] = "usd", () -> cells[4] = "{\"$ne\":1}",
					() -> cells[5] = "-1", () -> cells[5] = "x", () -> cells[5] = "99999999999999999999",
					() -> cells[5] = "1e400");
			breakages.get(random.nextInt(breakages.size())).run();
			List<String> quoted = new ArrayList<>();
			for (String cell : cells) {
				quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
			}
			csv.append(String.join(",", quoted)).append('\n');
		}
		return new Body("text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8), null);
	}

	/** A multipart upload of something that is not a picture, or no upload at all. */
	private static Body brokenImage(SplittableRandom random) {
		byte[] content = new byte[random.nextInt(2000)];
		random.nextBytes(content);
		if (random.nextInt(4) == 0 && content.length > 8) {
			System.arraycopy(PNG, 0, content, 0, 8);
		}
		String boundary = "----fuzz" + UUID.randomUUID();
		String field = (random.nextInt(4) == 0) ? sample(random) : "file";
		String filename = sample(random).replace("\"", "").replace("\r", "").replace("\n", "") + ".png";
		String type = List.of("image/png", "image/svg+xml", "text/html", "application/octet-stream", "")
			.get(random.nextInt(5));
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		switch (random.nextInt(5)) {
			case 0 -> {
				// No closing boundary.
				body.writeBytes(
						("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\""
								+ "\r\n\r\n")
							.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(content);
				return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray(), null);
			}
			case 1 -> {
				// A boundary that the body does not use.
				body.writeBytes(content);
				return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray(), null);
			}
			default -> {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
						+ "\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(content);
				body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
				return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray(), null);
			}
		}
	}

	private static String sample(SplittableRandom random) {
		List<String> samples = List.of("😀", "\u202Eevil", "e\u0301", "ﷺ", "$ne", "{x}", "İß", "<b>", "\u0000", "a");
		return samples.get(random.nextInt(samples.size()));
	}

	// Helpers

	private static Map<String, String> callerHeaders(Caller caller) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (caller != Caller.ANONYMOUS) {
			headers.put("Authorization", "Bearer " + users.get(caller).token());
		}
		return headers;
	}

	/** Every byte but the unreserved characters as {@code %XX}. */
	static String encode(String text) {
		return encodeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	static String encodeBytes(byte[] bytes) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : bytes) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

	/**
	 * An encoded text cut to at most {@code max} characters, never inside a {@code %XX}.
	 * The gateway's HTTP server (Netty) answers a request line over 4 KiB with a bare 414
	 * and headers over 8 KiB with a bare 431, before any code of the marketplace runs:
	 * the generators stay under those limits.
	 */
	static String clip(String encoded, int max) {
		if (encoded.length() <= max) {
			return encoded;
		}
		int end = max;
		int percent = encoded.lastIndexOf('%', end - 1);
		if (percent >= 0 && percent > end - 3) {
			end = percent;
		}
		return encoded.substring(0, end);
	}

	/**
	 * A header value as the wire carries it: UTF-8 bytes, without the line breaks and
	 * control characters that no HTTP client can send.
	 */
	static String headerValue(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder value = new StringBuilder();
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
				value.append((char) c);
			}
		}
		return value.length() > 1000 ? value.substring(0, 1000) : value.toString();
	}

	private static long seed() {
		String given = System.getProperty("badinput.seed", "").strip();
		return given.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(given);
	}

	private static String letters(SplittableRandom random, int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		return letters.toString();
	}

	private static String gateway(String path) {
		return marketplace.gatewayUrl() + path;
	}

	private static String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Http.json(response).path("id").asString();
	}

	private static String product(String title, int stock) {
		return Http.toJson(Map.of("title", title, "category", "CARPETS", "price",
				Map.of("amount", "20.00", "currency", "USD"), "stock", stock));
	}

	private static HttpResponse<String> placeOrder(Users.User buyer, String product) {
		String order = Http.toJson(Map.of("items", List.of(Map.of("productId", product, "quantity", 1)),
				"shippingAddress", Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku",
						"postalCode", "AZ1000", "country", "AZ")));
		return Http.postJson(gateway("/api/orders"), order,
				Map.of("Authorization", "Bearer " + buyer.token(), "Idempotency-Key", UUID.randomUUID().toString()));
	}

	private static void awaitStatus(Users.User buyer, String id, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> Http.json(Http.get(gateway("/api/orders/" + id), buyer.authorization()))
				.path("status")
				.asString(), status::equals);
	}

	private static JsonNode withoutMaker(JsonNode product) {
		ObjectNode copy = (ObjectNode) product.deepCopy();
		copy.remove("artisan");
		return copy;
	}

}
