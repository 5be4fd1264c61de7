package com.artisanmarket.support.web;

/** A service this request depends on cannot be reached: 503 with {@code Retry-After}. */
public class ServiceUnavailableException extends RuntimeException {

	private final String service;

	public ServiceUnavailableException(String service) {
		super("The " + service + " is not available right now. Please try again in a few seconds.");
		this.service = service;
	}

	public String service() {
		return this.service;
	}

}
