package com.artisanmarket.support.operations;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/marketplace}: the service's operations snapshot, which the gateway
 * gathers from every part for the admin's operations panel.
 */
@Endpoint(id = "marketplace")
public class OperationsEndpoint {

	private final OperationsSnapshot snapshot;

	OperationsEndpoint(OperationsSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	@ReadOperation
	public Map<String, Object> operations() {
		return this.snapshot.current();
	}

}
