package com.artisanmarket.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.launcher.Part;
import com.artisanmarket.launcher.Replicas;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.launcher.StackConfig;
import com.artisanmarket.launcher.Supervisor;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole marketplace for system tests: started once per test JVM from the packaged
 * jars with the launcher that {@code ./marketplace up} uses, on free ports and with its
 * own data directory, and stopped when the JVM exits. Tests can stop, kill, freeze and
 * restart single parts.
 */
public final class MarketplaceStack {

	private static final Logger logger = LoggerFactory.getLogger(MarketplaceStack.class);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * A call each service answers through the gateway without a signed-in user (an
	 * answer, not necessarily 200).
	 */
	private static final Map<String, String> ROUTED_PROBES = Map.of(Stack.ARTISAN_SERVICE, "/api/artisans?size=1",
			Stack.CATALOG_SERVICE, "/api/products?size=1", Stack.ORDER_SERVICE, "/api/orders");

	private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ ).*");

	private static MarketplaceStack shared;

	private final Supervisor supervisor;

	/** Further instances {@link #scaleOut} started, by name. */
	private final Map<String, Part> scaledOut = new TreeMap<>();

	private MarketplaceStack(Supervisor supervisor) {
		this.supervisor = supervisor;
	}

	/** The stack of this test JVM, started on first use. */
	public static synchronized MarketplaceStack shared() {
		if (shared == null) {
			shared = start(projectRoot());
		}
		else {
			shared.requireInfrastructure();
		}
		return shared;
	}

	/**
	 * Fails at once when MongoDB or Kafka is not running as a test begins: a test that
	 * kills one starts it again before it ends, so one that is gone has died on its own,
	 * and every later test would otherwise wait minutes for it (a suite once ran into
	 * CI's time limit so, its wire server gone in the middle).
	 */
	private void requireInfrastructure() {
		for (Part part : this.supervisor.stack().infrastructure()) {
			if (this.supervisor.running(part).isEmpty()) {
				throw new IllegalStateException(part.name() + " is not running: it stopped while the suite ran "
						+ "and no test started it again; last lines of its log (" + this.supervisor.logFile(part)
						+ "):\n" + String.join("\n", this.supervisor.logTail(part, 40)));
			}
		}
	}

	/** The stack, if this test JVM started one: for reporting, without starting it. */
	public static synchronized Optional<MarketplaceStack> ifStarted() {
		return Optional.ofNullable(shared);
	}

	/**
	 * The last lines of every part's log, which a failing test shows: the parts' logs are
	 * files, and the build's console shows only Maven's progress and summary. Stack
	 * frames are left out, so an exception's message and causes fit.
	 */
	public String logTails(int lines) {
		StringBuilder tails = new StringBuilder();
		Stack stack = this.supervisor.stack();
		Stream.concat(stack.infrastructure().stream(), stack.services().stream()).forEach((part) -> {
			List<String> told = this.supervisor.logTail(part, lines * 20)
				.stream()
				.filter((line) -> !STACK_FRAME.matcher(line).matches())
				.toList();
			tails.append("--- last lines of ")
				.append(this.supervisor.logFile(part))
				.append(", stack frames left out\n");
			told.subList(Math.max(0, told.size() - lines), told.size())
				.forEach((line) -> tails.append(line).append('\n'));
		});
		return tails.toString();
	}

	private static MarketplaceStack start(Path root) {
		// A service's or the gateway's port keeps the port a second instance would take
		// free
		// too (see scaleOut).
		StackConfig.Ports ports = new StackConfig.Ports(scalable(), scalable(), scalable(), scalable(),
				FreePorts.next(), FreePorts.next(), FreePorts.next(), scalable(), scalable(), scalable(), scalable());
		Path dataDir = TemporaryDirectories.create("marketplace-stack");
		StackConfig config = new StackConfig(root, dataDir, ports, StackConfig.currentJava());
		// From the extracted jars, with the startup cache once ./marketplace up recorded
		// one for this build: the suite starts services some forty times.
		Stack stack = new Stack(config, Stack.Startup.CACHED);
		List<Path> missing = stack.missingArtifacts();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The marketplace is not packaged (missing " + missing
					+ "); system tests run in the integration-test phase of ./mvnw verify");
		}
		stack.prepareStartupCache();
		MarketplaceStack marketplace = new MarketplaceStack(new Supervisor(stack, false));
		Runtime.getRuntime().addShutdownHook(new Thread(marketplace::stopAll, "marketplace-stack-stop"));
		logger.info("Starting the marketplace for system tests in {}", dataDir);
		if (stack.isStartupCacheMissing()) {
			marketplace.recordStartupCache(config);
		}
		marketplace.startAndAwait(stack.infrastructure());
		marketplace.startAndAwait(stack.services());
		return marketplace;
	}

	/**
	 * Runs each part once to record this build's startup cache (written as it stops), as
	 * the first {@code ./marketplace up} after a build does: every later start, the crash
	 * tests' restarts and {@code ./marketplace up} in the suite included, then takes
	 * about half the time.
	 */
	private void recordStartupCache(StackConfig config) {
		Instant begin = Instant.now();
		Stack recording = new Stack(config, Stack.Startup.CACHED_AND_RECORDING);
		Supervisor recorder = new Supervisor(recording, false);
		try {
			for (List<Part> parts : List.of(recording.infrastructure(), recording.services())) {
				parts.forEach(recorder::start);
				recorder.awaitReady(parts, START_TIMEOUT, (part, after) -> {
				});
			}
		}
		finally {
			recorder.stopAll(recording.services(), Duration.ofSeconds(60));
			recorder.stopAll(recording.infrastructure(), Duration.ofSeconds(60));
		}
		logger.info("Recorded the startup cache in {} ms", Duration.between(begin, Instant.now()).toMillis());
	}

	private static int scalable() {
		return FreePorts.next(2, Replicas.PORT_STEP);
	}

	private void startAndAwait(List<Part> parts) {
		parts.forEach(this.supervisor::start);
		awaitReady(parts);
	}

	private void awaitReady(List<Part> parts) {
		try {
			this.supervisor.awaitReady(parts, START_TIMEOUT,
					(part, after) -> logger.info("{} ready after {} ms", part.name(), after.toMillis()));
		}
		catch (Supervisor.StartFailure failure) {
			throw new IllegalStateException(failure.getMessage() + "; last lines of its log:\n"
					+ String.join("\n", this.supervisor.logTail(failure.part(), 40)), failure);
		}
	}

	static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("marketplace")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("no project root (with ./marketplace) above " + Path.of("").toAbsolutePath());
	}

	public String gatewayUrl() {
		return "http://127.0.0.1:" + config().ports().gateway();
	}

	/** The base URL of one part's HTTP port, to call a service directly. */
	public String url(String partName) {
		return "http://127.0.0.1:" + part(partName).port();
	}

	/**
	 * The base URL of one part's management port (Actuator: metrics, health details),
	 * bound to loopback.
	 */
	public String managementUrl(String partName) {
		return "http://127.0.0.1:" + managementPort(partName);
	}

	public int managementPort(String partName) {
		return part(partName).ports().get(1);
	}

	public StackConfig config() {
		return this.supervisor.stack().config();
	}

	/** Kills a part at once (SIGKILL), as a crash would. */
	public void kill(String partName) {
		this.supervisor.kill(part(partName));
	}

	/** Stops a part gracefully. */
	public void stop(String partName) {
		this.supervisor.stop(part(partName), Duration.ofSeconds(30));
	}

	/**
	 * Starts a stopped or killed part again and waits until it is ready and, for a
	 * service, until the gateway routes to it again.
	 */
	public void restart(String partName) {
		Part part = part(partName);
		if (this.supervisor.running(part).isEmpty()) {
			this.supervisor.start(part);
		}
		awaitReady(List.of(part));
		awaitRouted(partName);
	}

	/**
	 * Starts a stopped or killed part with extra arguments (e.g. Spring properties such
	 * as {@code --marketplace.outbox.held=true}) and waits until it is ready.
	 */
	public void start(String partName, String... arguments) {
		Part part = part(partName).withArguments(List.of(arguments));
		if (this.supervisor.running(part).isPresent()) {
			throw new IllegalStateException(partName + " is running; stop or kill it first");
		}
		this.supervisor.start(part);
		awaitReady(List.of(part));
		awaitRouted(partName);
	}

	/**
	 * Waits until the gateway passes calls to a service that has just come back: ready is
	 * not enough, as the gateway's circuit breaker may still be open from the calls it
	 * failed while the service was away (it answers 503 until three trial calls pass),
	 * and the next test would be refused. Three answers in a row that the gateway did not
	 * refuse (any status but 502, 503 and 504) close a half-open breaker.
	 */
	private void awaitRouted(String partName) {
		String path = ROUTED_PROBES.get(partName);
		if (path == null) {
			return;
		}
		int[] passed = new int[1];
		Awaitility.await()
			.atMost(START_TIMEOUT)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				int status = Http.get(gatewayUrl() + path).statusCode();
				passed[0] = (status == 502 || status == 503 || status == 504) ? 0 : passed[0] + 1;
				return passed[0] >= 3;
			});
	}

	/**
	 * Runs a second instance of each service named, as
	 * {@code ./marketplace up --replicas} would, and a second gateway that balances over
	 * every instance, and waits until they are ready. The first instances keep running as
	 * they were (the first gateway still knows only them); {@link #scaleIn()} stops what
	 * this started and starts again any first instance a test stopped.
	 * @param services the services to run twice
	 * @return the second gateway's base URL
	 */
	public synchronized String scaleOut(List<String> services) {
		this.supervisor.stopAll(List.copyOf(this.scaledOut.values()), Duration.ofSeconds(30));
		this.scaledOut.clear();
		Map<String, Integer> counts = new TreeMap<>();
		services.forEach((service) -> counts.put(service, 2));
		counts.put(Stack.GATEWAY, 2);
		Stack wider = new Stack(config(), Stack.Startup.CACHED, new Replicas(counts));
		Set<String> first = this.supervisor.stack().parts().stream().map(Part::name).collect(Collectors.toSet());
		List<Part> more = wider.services().stream().filter((part) -> !first.contains(part.name())).toList();
		more.forEach((part) -> this.scaledOut.put(part.name(), part));
		startAndAwait(more);
		return "http://127.0.0.1:" + this.scaledOut.get(Stack.GATEWAY + "-2").port();
	}

	/**
	 * Stops the instances {@link #scaleOut} started, and starts again every first
	 * instance that is not running.
	 */
	public synchronized void scaleIn() {
		Instant begin = Instant.now();
		List<Part> stopped = this.supervisor.stack()
			.services()
			.stream()
			.filter((part) -> this.supervisor.running(part).isEmpty())
			.toList();
		// The first instances start while the others shut down.
		stopped.forEach(this.supervisor::start);
		this.supervisor.stopAll(List.copyOf(this.scaledOut.values()), Duration.ofSeconds(30));
		this.scaledOut.clear();
		awaitReady(stopped);
		stopped.forEach((part) -> awaitRouted(part.name()));
		logger.info("Back to one instance of each part in {} ms", Duration.between(begin, Instant.now()).toMillis());
	}

	/** A MongoDB connection string (without database) of the stack's MongoDB. */
	public String mongoUri() {
		return "mongodb://127.0.0.1:" + config().ports().mongo();
	}

	public String kafkaBootstrapServers() {
		return config().kafkaBootstrapServers();
	}

	/** Freezes a part: its port stays open but nothing answers. */
	public void pause(String partName) {
		this.supervisor.pause(part(partName));
	}

	public void resume(String partName) {
		this.supervisor.resume(part(partName));
	}

	public boolean isRunning(String partName) {
		return this.supervisor.running(part(partName)).isPresent();
	}

	public boolean isReady(String partName) {
		return this.supervisor.isReady(part(partName));
	}

	private synchronized Part part(String name) {
		return this.supervisor.stack()
			.part(name)
			.or(() -> Optional.ofNullable(this.scaledOut.get(name)))
			.orElseThrow(() -> new IllegalArgumentException("no part named " + name));
	}

	private void stopAll() {
		Stack stack = this.supervisor.stack();
		for (Part part : stack.parts()) {
			if (this.supervisor.running(part).isPresent()) {
				// A frozen process handles SIGTERM only once it runs again.
				this.supervisor.resume(part);
			}
		}
		List<Part> services = new ArrayList<>(stack.services());
		synchronized (this) {
			services.addAll(this.scaledOut.values());
		}
		this.supervisor.stopAll(services, Duration.ofSeconds(20));
		this.supervisor.stopAll(stack.infrastructure(), Duration.ofSeconds(20));
		TemporaryDirectories.delete(stack.config().dataDir());
	}

}
