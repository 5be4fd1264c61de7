package com.artisanmarket.catalog.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search index's settings.
 *
 * @param indexDir where the index lives; by default {@code catalog-service/search-<port>}
 * under the data directory the launcher names ({@code marketplace.home}), or a temporary
 * directory, rebuilt at every start, when there is none
 * @param maxStaleness the longest a change waits before searches see it
 * @param commitInterval how often changes are made durable with the event offsets they
 * reflect; after a crash the index replays the events since its last commit
 * @param gather how long events may gather at the broker before the index fetches them
 * (Kafka's {@code fetch.max.wait.ms}): under load, one fetch, one read of the changed
 * products and one index update for many events instead of one each; 0 fetches each event
 * as soon as it is there
 */
@ConfigurationProperties("marketplace.search")
public record SearchProperties(Path indexDir, @DefaultValue("200ms") Duration maxStaleness,
		@DefaultValue("5s") Duration commitInterval, @DefaultValue("100ms") Duration gather) {

}
