package com.artisanmarket.support.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics a service publishes to and consumes from, and how hard it tries before a
 * record goes to the dead-letter topic.
 *
 * @param publishes topics this service owns (created at start-up when missing)
 * @param consumes topics this service reads (created when missing, with their dead-letter
 * topics)
 * @param partitions partitions of each topic: as many instances of a service as can share
 * its consumer group with work for each; a topic found with fewer is given more at
 * start-up (a topic never loses partitions)
 * @param retries attempts after the first before a record is dead-lettered
 * @param retryInterval the pause between attempts
 * @param refuseTypes event types this instance fails to process, on purpose: a switch for
 * rehearsing dead-lettering and replay (empty, the default, refuses nothing)
 */
@ConfigurationProperties("marketplace.events")
public record EventsProperties(@DefaultValue List<String> publishes, @DefaultValue List<String> consumes,
		@DefaultValue("6") int partitions, @DefaultValue("3") int retries,
		@DefaultValue("500ms") Duration retryInterval, @DefaultValue List<String> refuseTypes) {

}
