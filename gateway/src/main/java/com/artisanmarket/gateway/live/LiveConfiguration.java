package com.artisanmarket.gateway.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Live updates: {@link LiveProperties}, and the pruning of kept events. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

}
