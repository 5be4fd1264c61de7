package com.artisanmarket.support.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every list has (docs/architecture.md, 'Public HTTP
 * contract'): {@code {"items": [...], "page": 0, "size": 20, "totalItems": N,
 * "totalPages": M}}.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems the items on all pages
 * @param totalPages the number of pages
 * @param <T> the item type
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

	public static <T> PageView<T> of(List<T> items, PageRequest request, long totalItems) {
		long pages = (totalItems + request.size() - 1) / request.size();
		return new PageView<>(List.copyOf(items), request.page(), request.size(), totalItems, pages);
	}

	public <R> PageView<R> map(Function<T, R> mapper) {
		return new PageView<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.totalItems,
				this.totalPages);
	}

}
