package com.artisanmarket.support.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka's part of a service's health and readiness: the broker answers a cluster
 * description within a short timeout. Spring Boot has no Kafka health indicator of its
 * own.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private Admin admin;

	KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = adminConfig;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

}
