package com.artisanmarket.system;

import java.util.List;
import java.util.Locale;

import com.artisanmarket.launcher.Part;

/**
 * The settings the local launcher gives a part, which every other way of running it
 * (compose, Kubernetes) must give it too.
 */
final class LauncherSettings {

	private LauncherSettings() {
	}

	/**
	 * The Spring properties the launcher passes on the command line, minus loopback-only
	 * ones.
	 */
	static List<String> of(Part part) {
		return part.command()
			.stream()
			.filter((argument) -> argument.startsWith("--") && argument.contains("="))
			.map((argument) -> argument.substring(2, argument.indexOf('=')))
			.filter((property) -> !property.equals("server.address") && !property.equals("management.server.address"))
			.toList();
	}

	/** Spring Boot's environment-variable form of a property name. */
	static String environmentName(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
