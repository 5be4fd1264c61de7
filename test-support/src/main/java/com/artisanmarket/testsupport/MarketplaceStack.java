package com.artisanmarket.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.launcher.Part;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.launcher.StackConfig;
import com.artisanmarket.launcher.Supervisor;
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

	private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ ).*");

	private static MarketplaceStack shared;

	private final Supervisor supervisor;

	/** Gateways started beside the first one, by instance index. */
	private final Map<Integer, Part> extraGateways = new TreeMap<>();

	private MarketplaceStack(Supervisor supervisor) {
		this.supervisor = supervisor;
	}

	/** The stack of this test JVM, started on first use. */
	public static synchronized MarketplaceStack shared() {
		if (shared == null) {
			shared = start(projectRoot());
		}
		return shared;
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
		StackConfig.Ports ports = new StackConfig.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(),
				FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
				FreePorts.next(), FreePorts.next(), FreePorts.next());
		Path dataDir = TemporaryDirectories.create("marketplace-stack");
		StackConfig config = new StackConfig(root, dataDir, ports, StackConfig.currentJava());
		Stack stack = new Stack(config);
		List<Path> missing = stack.missingArtifacts();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The marketplace is not packaged (missing " + missing
					+ "); system tests run in the integration-test phase of ./mvnw verify");
		}
		MarketplaceStack marketplace = new MarketplaceStack(new Supervisor(stack, false));
		Runtime.getRuntime().addShutdownHook(new Thread(marketplace::stopAll, "marketplace-stack-stop"));
		logger.info("Starting the marketplace for system tests in {}", dataDir);
		marketplace.startAndAwait(stack.infrastructure());
		marketplace.startAndAwait(stack.services());
		return marketplace;
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

	/** Starts a stopped or killed part again and waits until it is ready. */
	public void restart(String partName) {
		Part part = part(partName);
		if (this.supervisor.running(part).isEmpty()) {
			this.supervisor.start(part);
		}
		awaitReady(List.of(part));
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
	}

	/**
	 * Starts instance {@code index} of the gateway (1: the second) beside the first, on
	 * ports of its own, with the same data directory (so the same signing key) and the
	 * same services, and waits until it is ready; it stops with the stack.
	 * @return its base URL
	 */
	public synchronized String startGateway(int index) {
		Part gateway = this.extraGateways.computeIfAbsent(index,
				(i) -> this.supervisor.stack().gateway(i, FreePorts.next(), FreePorts.next()));
		if (this.supervisor.running(gateway).isEmpty()) {
			this.supervisor.start(gateway);
		}
		awaitReady(List.of(gateway));
		return "http://127.0.0.1:" + gateway.port();
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

	private Part part(String name) {
		return this.supervisor.stack()
			.part(name)
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
			services.addAll(this.extraGateways.values());
		}
		this.supervisor.stopAll(services, Duration.ofSeconds(20));
		this.supervisor.stopAll(stack.infrastructure(), Duration.ofSeconds(20));
		TemporaryDirectories.delete(stack.config().dataDir());
	}

}
