package com.artisanmarket.catalog.media;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The photo limits, and the schedule that deletes photos shown nowhere. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageSettings.class)
@EnableScheduling
class MediaConfiguration {

}
