package com.artisanmarket.support.web;

/** The request conflicts with the current state of the resource: 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
