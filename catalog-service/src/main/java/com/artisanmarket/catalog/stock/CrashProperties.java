package com.artisanmarket.catalog.stock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * For crash tests only ({@code marketplace.catalog.*}).
 *
 * @param crashAfterReservedLines halt the JVM right after the N-th reserved line of an
 * order; 0 (the default) never
 */
@ConfigurationProperties("marketplace.catalog")
record CrashProperties(@DefaultValue("0") int crashAfterReservedLines) {

}
