package com.artisanmarket.support.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=0&size=20}: the page asked for, from 0, and its size, up to 100.
 *
 * @param page the page number
 * @param size the page size
 */
public record PageRequest(@Min(0) Integer page, @Min(1) @Max(100) Integer size) {

	public PageRequest {
		page = (page != null) ? page : 0;
		size = (size != null) ? size : 20;
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
