package com.artisanmarket.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every service the same operational defaults (health groups, exposed endpoints,
 * problem details) from {@code marketplace-service-defaults.yml}, at the lowest
 * precedence so that a service's own configuration, the environment and the command line
 * all override them. Keeps the services' {@code application.yml} thin.
 */
class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String DEFAULTS = "marketplace-service-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(DEFAULTS,
					new ClassPathResource(DEFAULTS))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
