package com.artisanmarket.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} arguments of the embedded servers' main classes, and the ready
 * file through which they tell {@code ./marketplace} that they can take work.
 */
public final class ServerArguments {

	private final Map<String, String> values;

	private ServerArguments(Map<String, String> values) {
		this.values = values;
	}

	public static ServerArguments parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
			}
			values.put(args[i].substring(2), args[++i]);
		}
		return new ServerArguments(values);
	}

	public String required(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	public int port(String name) {
		return Integer.parseInt(required(name));
	}

	public Path path(String name) {
		return Path.of(required(name)).toAbsolutePath();
	}

	/**
	 * Writes the ready file, if one was asked for, and removes it again when the JVM
	 * stops.
	 */
	public void signalReady() {
		String readyFile = this.values.get("ready-file");
		if (readyFile == null) {
			return;
		}
		Path path = Path.of(readyFile);
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, Long.toString(ProcessHandle.current().pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// The launcher also checks that the process is alive; a stale file is
				// harmless.
			}
		}));
	}

	/** Kafka and the MongoDB server log through SLF4J; this picks our Logback setup. */
	public static void useInfraLogging() {
		System.setProperty("logback.configurationFile", "embedded-infra-logback.xml");
	}

}
