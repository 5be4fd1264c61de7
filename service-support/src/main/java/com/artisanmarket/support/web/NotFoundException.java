package com.artisanmarket.support.web;

/** The resource does not exist, or the caller may not know that it does: 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String resource, String id) {
		super("No " + resource + " with id '" + id + "'.");
	}

}
