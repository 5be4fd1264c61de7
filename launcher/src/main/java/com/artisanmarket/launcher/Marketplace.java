package com.artisanmarket.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line behind {@code ./marketplace}: {@code up [--fresh]}, {@code down} and
 * {@code status}. The shell script finds a JDK and builds; this class runs the parts.
 */
public final class Marketplace {

	/**
	 * Written into a data directory we created, so that {@code --fresh} wipes only ours.
	 */
	static final String DATA_MARKER = DataDirectory.MARKER;

	/**
	 * A service's first run after a build writes its startup cache as it exits, which
	 * takes some seconds of CPU per service.
	 */
	private static final Duration STOP_GRACE = Duration.ofSeconds(90);

	private final Supervisor supervisor;

	private final PrintStream out;

	private final Duration startTimeout;

	public Marketplace(Supervisor supervisor, PrintStream out, Duration startTimeout) {
		this.supervisor = supervisor;
		this.out = out;
		this.startTimeout = startTimeout;
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("marketplace.root", ".")).toAbsolutePath().normalize();
		int exit;
		try {
			StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
			Duration timeout = Duration
				.ofSeconds(Long.parseLong(System.getenv().getOrDefault("MARKETPLACE_START_TIMEOUT_SECONDS", "300")));
			Replicas replicas = replicas(config, List.of(args));
			Marketplace marketplace = new Marketplace(
					new Supervisor(new Stack(config, Stack.Startup.CACHED_AND_RECORDING, replicas), true), System.out,
					timeout);
			exit = marketplace.run(List.of(args));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println("marketplace: " + ex.getMessage());
			exit = 2;
		}
		System.exit(exit);
	}

	/**
	 * The instances {@code up --replicas} asks for, at least as many as a running stack
	 * has (recorded in its data directory); for any other command, those recorded, so
	 * that {@code status} and {@code down} see every instance.
	 */
	static Replicas replicas(StackConfig config, List<String> args) {
		Replicas recorded = Replicas.read(config);
		if (args.isEmpty() || !args.getFirst().equals("up")) {
			return recorded;
		}
		for (int i = 1; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.startsWith("--replicas=")) {
				return recorded.atLeast(Replicas.parse(arg.substring("--replicas=".length())));
			}
			if (arg.equals("--replicas")) {
				if (i + 1 >= args.size()) {
					throw new IllegalArgumentException("--replicas needs a count, e.g. --replicas 2");
				}
				return recorded.atLeast(Replicas.parse(args.get(i + 1)));
			}
		}
		return recorded;
	}

	int run(List<String> args) {
		String command = args.isEmpty() ? "help" : args.getFirst();
		List<String> options = args.subList(Math.min(1, args.size()), args.size());
		return switch (command) {
			case "up" -> up(options.contains("--fresh"));
			case "down" -> down();
			case "status" -> status();
			default -> {
				this.out.println(
						"usage: marketplace up [--fresh] [--no-build] [--replicas N|service=N,...] | down | status");
				yield command.equals("help") ? 0 : 2;
			}
		};
	}

	/**
	 * Starts every part that is not running yet, waits for each to be ready and says
	 * where to open the marketplace. Parts this call started are stopped again when
	 * another fails, so a failed start leaves nothing behind.
	 * @param fresh whether to stop everything and wipe the data first
	 * @return the exit code
	 */
	public int up(boolean fresh) {
		Stack stack = this.supervisor.stack();
		List<Path> missing = stack.missingArtifacts();
		if (!missing.isEmpty()) {
			this.out.println("marketplace: not built yet (missing " + missing.getFirst() + "); run ./marketplace up");
			return 2;
		}
		if (fresh) {
			down();
			wipeData();
		}
		prepareDataDir();
		stack.replicas().write(stack.config());
		stack.prepareStartupCache();
		Instant begin = Instant.now();
		List<Part> startedNow = new ArrayList<>();
		try {
			startAndAwait(stack.infrastructure(), startedNow);
			startAndAwait(stack.services(), startedNow);
		}
		catch (Supervisor.StartFailure failure) {
			reportFailure(failure);
			this.supervisor.stopAll(startedNow.reversed(), STOP_GRACE);
			return 1;
		}
		this.out.printf("%nThe marketplace is up (%.1f s). Open http://127.0.0.1:%d/%n",
				Duration.between(begin, Instant.now()).toMillis() / 1000.0, stack.config().ports().gateway());
		List<Part> gateways = stack.services()
			.stream()
			.filter((part) -> part.name().startsWith(Stack.GATEWAY))
			.toList();
		if (gateways.size() > 1) {
			this.out.println("  gateways (any of them serves everything): " + gateways.stream()
				.map((part) -> "http://127.0.0.1:" + part.port() + "/")
				.collect(Collectors.joining(" ")));
		}
		printAdminSignIn(stack);
		this.out.println("  data: " + stack.config().dataDir());
		this.out
			.println("  logs: ./marketplace logs <part>    state: ./marketplace status    stop: ./marketplace down");
		return 0;
	}

	private void startAndAwait(List<Part> parts, List<Part> startedNow) {
		List<Part> waitFor = new ArrayList<>();
		for (Part part : parts) {
			Optional<ProcessHandle> running = this.supervisor.running(part);
			if (running.isPresent()) {
				this.out.printf("  = %-18s already running (pid %d)%n", part.name(), running.get().pid());
			}
			else {
				ProcessHandle handle = this.supervisor.start(part);
				startedNow.add(part);
				this.out.printf("  + %-18s starting (pid %d, port %d)%n", part.name(), handle.pid(), part.port());
			}
			waitFor.add(part);
		}
		this.supervisor.awaitReady(waitFor, this.startTimeout, new Supervisor.Progress() {

			@Override
			public void ready(Part part, Duration after) {
				Marketplace.this.out.printf("  ✓ %-18s ready on 127.0.0.1:%d (%.1f s)%n", part.name(), part.port(),
						after.toMillis() / 1000.0);
			}

			@Override
			public void restarted(Part part, ProcessHandle handle) {
				startedNow.add(part);
				Marketplace.this.out.printf("  + %-18s was shutting down; starting it again (pid %d, port %d)%n",
						part.name(), handle.pid(), part.port());
			}

			@Override
			public void waiting(List<Part> pending, Duration elapsed) {
				Marketplace.this.out.printf("  … waiting for %s (%d s)%n",
						String.join(", ", pending.stream().map(Part::name).toList()), elapsed.toSeconds());
			}

		});
	}

	private void printAdminSignIn(Stack stack) {
		String email = System.getenv().getOrDefault("MARKETPLACE_ADMIN_EMAIL", "admin@artisan-marketplace.local");
		String password = System.getenv("MARKETPLACE_ADMIN_PASSWORD");
		if (password != null && !password.isBlank()) {
			this.out.println("  admin: " + email + " (password from MARKETPLACE_ADMIN_PASSWORD)");
		}
		else if (Files.exists(stack.adminPasswordFile())) {
			this.out.println("  admin: " + email + ", password in " + stack.adminPasswordFile());
		}
	}

	private void reportFailure(Supervisor.StartFailure failure) {
		this.out.println();
		this.out.println("  ✗ " + failure.getMessage());
		List<String> tail = this.supervisor.logTail(failure.part(), 25);
		if (!tail.isEmpty()) {
			Path console = this.supervisor.consoleFile(failure.part());
			Path log = this.supervisor.logFile(failure.part());
			this.out.println("  last lines of " + (console.equals(log) ? log : console + " and " + log) + ":");
			tail.forEach((line) -> this.out.println("    " + line));
		}
		this.out.println("  Stopping what this run started.");
	}

	/**
	 * Stops exactly the processes this stack started, newest first.
	 * @return the exit code
	 */
	public int down() {
		Stack stack = this.supervisor.stack();
		Map<String, Long> stopped = new LinkedHashMap<>(this.supervisor.stopAll(stack.services(), STOP_GRACE));
		stopped.putAll(this.supervisor.stopAll(stack.infrastructure(), STOP_GRACE));
		stopped.forEach((name, pid) -> this.out.printf("  - %-18s stopped (pid %d)%n", name, pid));
		Replicas.forget(stack.config());
		this.out.println(stopped.isEmpty() ? "Nothing of the marketplace was running." : "The marketplace is down.");
		return 0;
	}

	/**
	 * Shows each part: running or not, ready or not, its pid, port and memory.
	 * @return 0 when every part is ready, 3 otherwise
	 */
	public int status() {
		boolean allReady = true;
		for (Part part : this.supervisor.stack().parts()) {
			Optional<ProcessHandle> running = this.supervisor.running(part);
			if (running.isEmpty()) {
				allReady = false;
				this.out.printf("  %-18s stopped%n", part.name());
				continue;
			}
			boolean ready = this.supervisor.isReady(part);
			allReady &= ready;
			long pid = running.get().pid();
			this.out.printf("  %-18s %-9s pid %-8d port %-6d rss %s%n", part.name(), ready ? "ready" : "not ready", pid,
					part.port(), residentMemory(pid));
		}
		return allReady ? 0 : 3;
	}

	private static String residentMemory(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
			return lines.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> line.substring("VmRSS:".length()).trim())
				.findFirst()
				.orElse("?");
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	private void prepareDataDir() {
		DataDirectory.prepare(this.supervisor.stack().config().dataDir());
	}

	private void wipeData() {
		Path dataDir = this.supervisor.stack().config().dataDir();
		if (!Files.exists(dataDir)) {
			return;
		}
		if (!Files.exists(dataDir.resolve(DATA_MARKER))) {
			throw new IllegalStateException(
					"refusing to wipe " + dataDir + ": it has no " + DATA_MARKER + " file, so it is not ours");
		}
		try (Stream<Path> paths = Files.walk(dataDir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot wipe " + dataDir + ": " + ex.getMessage(), ex);
		}
		this.out.println("  wiped " + dataDir);
	}

}
