package com.artisanmarket.gateway.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the operations panel waits for the services' Actuator.
 *
 * @param patience for each answer of the overview, before calling a part down
 * @param deadLettersPatience for a service's dead letters: it reads its dead-letter
 * topics to the end before it answers
 * @param replayPatience for a replay: the service publishes every record again and waits
 * for the broker's acks
 * @param everyAddress whether a management address's host name stands for every instance
 * it resolves to (compose's service names, Kubernetes' headless Services): the panel then
 * has a row per address
 */
@ConfigurationProperties("marketplace.gateway.operations")
record OperationsProperties(@DefaultValue("1500ms") Duration patience,
		@DefaultValue("10s") Duration deadLettersPatience, @DefaultValue("20s") Duration replayPatience,
		@DefaultValue("false") boolean everyAddress) {

}
