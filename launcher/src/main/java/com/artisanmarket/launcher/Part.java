package com.artisanmarket.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One process of the marketplace: how to start it, where it listens and how to tell that
 * it is ready.
 *
 * @param name the part's name, also its log and pid file name
 * @param ports the ports it binds; all must be free before it starts
 * @param command the full command line
 * @param readiness how to know it can take work
 */
public record Part(String name, List<Integer> ports, List<String> command, Readiness readiness) {

	public Part {
		ports = List.copyOf(ports);
		command = List.copyOf(command);
	}

	public int port() {
		return this.ports.getFirst();
	}

	/** The same part with more arguments at the end of its command line. */
	public Part withArguments(List<String> arguments) {
		List<String> extended = new java.util.ArrayList<>(this.command);
		extended.addAll(arguments);
		return new Part(this.name, this.ports, extended, this.readiness);
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
