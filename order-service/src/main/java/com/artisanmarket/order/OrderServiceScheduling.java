package com.artisanmarket.order;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the pending-order check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderServiceScheduling {

}
