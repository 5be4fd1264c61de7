package com.artisanmarket.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One process of the marketplace: how to start it, where it listens and how to tell that
 * it is ready.
 *
 * @param name the part's name, also its log and pid file name
 * @param ports the ports it binds; all must be free before it starts
 * @param command the full command line
 * @param readiness how to know it can take work
 * @param settings the prefixes of the {@code MARKETPLACE_*} environment variables it
 * reads
 * @param rollsOwnLog whether the part writes its log file itself and rolls it over by
 * size (the services and the gateway, through Spring Boot's logging); its console then
 * goes to a file of its own, which holds little more than the JVM's messages
 */
public record Part(String name, List<Integer> ports, List<String> command, Readiness readiness, List<String> settings,
		boolean rollsOwnLog) {

	private static final String MARKETPLACE = "MARKETPLACE_";

	public Part {
		ports = List.copyOf(ports);
		command = List.copyOf(command);
		settings = List.copyOf(settings);
	}

	/**
	 * The environment this part starts with: the launcher's, without the
	 * {@code MARKETPLACE_*} settings meant for other parts or for the launcher itself. So
	 * the admin's password given to {@code ./marketplace up} reaches the gateway alone,
	 * and a service never sees another's settings (issue 17, item 7).
	 * @param launcher the launcher's own environment
	 * @return the part's environment
	 */
	public Map<String, String> environment(Map<String, String> launcher) {
		return launcher.entrySet()
			.stream()
			.filter((variable) -> !variable.getKey().startsWith(MARKETPLACE)
					|| this.settings.stream().anyMatch(variable.getKey()::startsWith))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public int port() {
		return this.ports.getFirst();
	}

	/** The same part with more arguments at the end of its command line. */
	public Part withArguments(List<String> arguments) {
		List<String> extended = new ArrayList<>(this.command);
		extended.addAll(arguments);
		return new Part(this.name, this.ports, extended, this.readiness, this.settings, this.rollsOwnLog);
	}

	/** How a part signals that it is ready. */
	public sealed interface Readiness {

	}

	/** The part writes this file once it is ready and removes it when it stops. */
	public record ReadyFile(Path file) implements Readiness {

	}

	/**
	 * The part answers 200 at this URL once it is ready (Spring Boot's readiness probe).
	 */
	public record HttpOk(URI url) implements Readiness {

	}

}
