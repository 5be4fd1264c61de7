package com.artisanmarket.catalog.stock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * For crash tests only: with {@code marketplace.catalog.crash-after-reserved-lines=N} the
 * JVM halts (as {@code kill -9} would) right after the N-th line of a reservation was
 * taken, between the writes of one saga step. Off (0) unless a test turns it on.
 */
@Component
@EnableConfigurationProperties(CrashProperties.class)
class CrashSwitch {

	private static final Logger logger = LoggerFactory.getLogger(CrashSwitch.class);

	private final int afterLines;

	CrashSwitch(CrashProperties properties) {
		int afterLines = properties.crashAfterReservedLines();
		this.afterLines = afterLines;
		if (afterLines > 0) {
			logger.warn("CRASH SWITCH ON: the JVM halts after reserving {} line(s) of an order", afterLines);
		}
	}

	void afterLine(int taken) {
		if (this.afterLines > 0 && taken == this.afterLines) {
			Runtime.getRuntime().halt(137);
		}
	}

}
