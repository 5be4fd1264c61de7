package com.artisanmarket.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, watches and stops the parts of one {@link Stack}. A part's pid is kept in a
 * file under the stack's run directory and a process is only ever treated as ours when
 * its command line carries our part and data-directory markers, so a recycled pid is
 * never stopped by mistake.
 */
public final class Supervisor {

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	private static final Duration PORTS_FREED_AFTER_EXIT = Duration.ofSeconds(10);

	private final Stack stack;

	private final boolean detach;

	private final Map<String, Process> started = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * @param stack the parts
	 * @param detach whether started parts get a session of their own, so that they
	 * outlive the command that started them and ignore its terminal's Ctrl-C
	 */
	public Supervisor(Stack stack, boolean detach) {
		this.stack = stack;
		this.detach = detach;
	}

	public Stack stack() {
		return this.stack;
	}

	/** The running process of a part, if it is one of ours. */
	public Optional<ProcessHandle> running(Part part) {
		Path pidFile = pidFile(part);
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter((handle) -> isOurs(handle, part));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private boolean isOurs(ProcessHandle handle, Part part) {
		String commandLine = handle.info()
			.arguments()
			.map((arguments) -> String.join(" ", arguments))
			.or(() -> handle.info().commandLine())
			.orElse("");
		return commandLine.contains(Stack.PART_MARKER + part.name() + " ")
				&& commandLine.contains(Stack.HOME_MARKER + this.stack.config().dataDir() + " ");
	}

	/** The ports of a part that something else already listens on. */
	public List<Integer> takenPorts(Part part) {
		List<Integer> taken = new ArrayList<>();
		for (int port : part.ports()) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(port));
			}
			catch (IOException ex) {
				taken.add(port);
			}
		}
		return taken;
	}

	/**
	 * Starts a part that is not running. Fails when one of its ports is taken.
	 * @param part the part
	 * @return its process
	 */
	public ProcessHandle start(Part part) {
		List<Integer> taken = takenPorts(part);
		if (!taken.isEmpty() && Files.exists(pidFile(part))) {
			// Its pid file is left: the part ended on its own (a crash) rather than
			// through
			// stop or kill. A dying JVM stops counting as running (its command line is
			// gone)
			// a moment before the kernel closes its sockets: a crash test's restart found
			// the port still taken.
			taken = awaitPortsFree(part, PORTS_FREED_AFTER_EXIT);
		}
		if (!taken.isEmpty()) {
			throw new StartFailure(part, "port " + taken.getFirst() + " is already in use by another program"
					+ " (set MARKETPLACE_" + part.name().toUpperCase().replace('-', '_') + "_PORT to use another)");
		}
		try {
			Files.createDirectories(this.stack.config().logDir());
			Files.createDirectories(this.stack.config().runDir());
			if (part.readiness() instanceof Part.ReadyFile(Path file)) {
				Files.deleteIfExists(file);
			}
			Path log = consoleFile(part);
			Files.writeString(log,
					"%n=== %s starting %s: %s%n".formatted(Instant.now(), part.name(),
							String.join(" ", part.command())),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			List<String> command = new ArrayList<>();
			if (this.detach && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
				command.add("/usr/bin/setsid");
			}
			command.addAll(part.command());
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().clear();
			builder.environment().putAll(part.environment(System.getenv()));
			Process process = builder.directory(this.stack.config().root().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			process.getOutputStream().close();
			this.started.put(part.name(), process);
			Files.writeString(pidFile(part), Long.toString(process.pid()));
			return process.toHandle();
		}
		catch (IOException ex) {
			throw new StartFailure(part, "could not start: " + ex.getMessage());
		}
	}

	public boolean isReady(Part part) {
		return switch (part.readiness()) {
			case Part.ReadyFile(Path file) -> Files.exists(file) && running(part).isPresent();
			case Part.HttpOk(var url) -> {
				try {
					HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
					yield this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					yield false;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					yield false;
				}
			}
		};
	}

	/**
	 * Waits until every part is ready. A part that was already running when this
	 * supervisor came (not started by it) and exits before it is ready was on its way
	 * out, so it is started again; a part this supervisor started that exits has failed.
	 * @param parts the parts to wait for
	 * @param timeout how long to wait in all
	 * @param progress told as parts become ready or are started again and, now and then,
	 * who is still pending
	 * @throws StartFailure when a part started here exits or a part is not ready in time
	 */
	public void awaitReady(List<Part> parts, Duration timeout, Progress progress) {
		Instant start = Instant.now();
		Instant nextProgress = start.plus(PROGRESS_EVERY);
		Map<String, Part> pending = new LinkedHashMap<>();
		parts.forEach((part) -> pending.put(part.name(), part));
		while (!pending.isEmpty()) {
			for (Part part : List.copyOf(pending.values())) {
				if (isReady(part)) {
					pending.remove(part.name());
					progress.ready(part, Duration.between(start, Instant.now()));
				}
				else if (running(part).isEmpty() && !startedAndAlive(part)) {
					if (this.started.containsKey(part.name())) {
						throw new StartFailure(part, "exited before it was ready" + exitCode(part));
					}
					// Found running but never ready: it was shutting down (a `kill PID`,
					// a
					// `down` in another terminal) and has now exited, so it starts again.
					progress.restarted(part, start(part));
				}
			}
			Instant now = Instant.now();
			if (!pending.isEmpty() && now.isAfter(start.plus(timeout))) {
				Part late = pending.values().iterator().next();
				throw new StartFailure(late, "was not ready after " + timeout.toSeconds() + " s");
			}
			if (!pending.isEmpty() && now.isAfter(nextProgress)) {
				progress.waiting(List.copyOf(pending.values()), Duration.between(start, now));
				nextProgress = now.plus(PROGRESS_EVERY);
			}
			sleep(POLL);
		}
	}

	/**
	 * Whether this supervisor started the part and its process has not exited. Once,
	 * under heavy load, {@link #running} found no process of ours while the process it
	 * had just started had not exited (it had no exit code 2 s later); why is not known.
	 * Only an exit is an exit.
	 */
	private boolean startedAndAlive(Part part) {
		Process process = this.started.get(part.name());
		return process != null && process.isAlive();
	}

	private String exitCode(Part part) {
		Process process = this.started.get(part.name());
		if (process == null) {
			return "";
		}
		try {
			return process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/**
	 * Stops a part gracefully (SIGTERM), then forcibly when it has not exited within the
	 * grace period.
	 * @param part the part
	 * @param grace how long it may take to shut down
	 * @return the pid that was stopped, if the part was running
	 */
	public Optional<Long> stop(Part part, Duration grace) {
		return Optional.ofNullable(stopAll(List.of(part), grace).get(part.name()));
	}

	/**
	 * Stops several parts at once: all are asked to stop (SIGTERM) before any is waited
	 * for, and those that have not exited within the grace period are killed.
	 * @param parts the parts
	 * @param grace how long they may take to shut down
	 * @return the pids that were stopped, by part name, in the order given
	 */
	public Map<String, Long> stopAll(List<Part> parts, Duration grace) {
		Map<String, ProcessHandle> stopping = new LinkedHashMap<>();
		for (Part part : parts) {
			running(part).ifPresent((handle) -> {
				handle.destroy();
				stopping.put(part.name(), handle);
			});
		}
		Instant deadline = Instant.now().plus(grace);
		Map<String, Long> stopped = new LinkedHashMap<>();
		stopping.forEach((name, handle) -> {
			if (!awaitExit(handle, Duration.between(Instant.now(), deadline))) {
				handle.destroyForcibly();
				awaitExit(handle, Duration.ofSeconds(10));
			}
			stopped.put(name, handle.pid());
		});
		parts.forEach(this::forget);
		return stopped;
	}

	/** Kills a part at once (SIGKILL), as a crash would. */
	public void kill(Part part) {
		running(part).ifPresent((handle) -> {
			handle.destroyForcibly();
			awaitExit(handle, Duration.ofSeconds(10));
		});
		forget(part);
	}

	/** Freezes a part (SIGSTOP): it keeps its sockets open but answers nothing. */
	public void pause(Part part) {
		signal(part, "STOP");
	}

	/** Lets a paused part go on (SIGCONT). */
	public void resume(Part part) {
		signal(part, "CONT");
	}

	private void signal(Part part, String signal) {
		ProcessHandle handle = running(part)
			.orElseThrow(() -> new IllegalStateException(part.name() + " is not running"));
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid())).inheritIO()
				.start()
				.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " " + handle.pid() + " failed with " + exit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void forget(Part part) {
		this.started.remove(part.name());
		try {
			Files.deleteIfExists(pidFile(part));
			if (part.readiness() instanceof Part.ReadyFile(Path file)) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Integer> awaitPortsFree(Part part, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<Integer> taken = takenPorts(part);
		while (!taken.isEmpty() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return taken;
			}
			taken = takenPorts(part);
		}
		return taken;
	}

	private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return !handle.isAlive();
		}
	}

	/**
	 * The last lines of a part's log, to show why it failed: of its console first when it
	 * writes its log itself (what the JVM said before logging began), then of the log.
	 */
	public List<String> logTail(Part part, int lines) {
		List<String> tail = new ArrayList<>();
		if (part.rollsOwnLog()) {
			tail.addAll(tail(consoleFile(part), lines));
		}
		tail.addAll(tail(logFile(part), lines));
		return tail;
	}

	/** The part's log. */
	public Path logFile(Part part) {
		return this.stack.config().logDir().resolve(part.name() + ".log");
	}

	/** Where the part's console goes: its log, unless it writes that itself. */
	public Path consoleFile(Part part) {
		return part.rollsOwnLog() ? this.stack.config().logDir().resolve(part.name() + ".out") : logFile(part);
	}

	private static List<String> tail(Path file, int lines) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try {
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(could not read " + file + ": " + ex.getMessage() + ")");
		}
	}

	private Path pidFile(Part part) {
		return this.stack.config().runDir().resolve(part.name() + ".pid");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the marketplace", ex);
		}
	}

	/** Told about the progress of {@link #awaitReady}. */
	public interface Progress {

		void ready(Part part, Duration after);

		default void waiting(List<Part> pending, Duration elapsed) {
		}

		/** A part that was shutting down has exited and was started again. */
		default void restarted(Part part, ProcessHandle handle) {
		}

	}

	/** A part could not be started or did not become ready. */
	public static final class StartFailure extends RuntimeException {

		private final transient Part part;

		StartFailure(Part part, String reason) {
			super(part.name() + " " + reason);
			this.part = part;
		}

		public Part part() {
			return this.part;
		}

	}

}
