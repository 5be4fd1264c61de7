package com.artisanmarket.support.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay of a service.
 *
 * @param collections the collections whose documents carry outbox entries
 * @param sweepInterval how often the relay looks for entries a crash or an unreachable
 * broker left behind
 * @param sendTimeout how long one publish may wait for the broker's acknowledgement
 * @param held when true the relay publishes nothing, so that a test can kill the service
 * between the write and the publish; entries wait in their documents
 */
@ConfigurationProperties("marketplace.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("2s") Duration sweepInterval,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("false") boolean held) {

}
