package com.artisanmarket.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every service's balancer chooses among its healthy instances. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class LoadBalancing {

}
