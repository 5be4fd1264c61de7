package com.artisanmarket.support.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay of a service.
 *
 * @param collections the collections whose documents carry outbox entries
 * @param sweepInterval how often the relay retries documents whose entries the broker did
 * not take
 * @param fullSweepInterval how often the relay scans its collections for entries that a
 * crashed process left behind (also once at start)
 * @param sendTimeout how long one publish may wait for the broker's acknowledgement
 * @param held when true the relay publishes nothing, so that a test can kill the service
 * between the write and the publish; entries wait in their documents
 */
@ConfigurationProperties("marketplace.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("2s") Duration sweepInterval,
		@DefaultValue("1m") Duration fullSweepInterval, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("false") boolean held) {

}
