package com.artisanmarket.support.outbox;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The W3C {@code traceparent} of the request being served, kept with each outbox entry so
 * that an event can be tied to the request that caused it.
 */
class TraceparentSource {

	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	/** The current request's {@code traceparent}, or {@code null} outside a request. */
	String current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		HttpServletRequest request = servlet.getRequest();
		String traceparent = request.getHeader("traceparent");
		return (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) ? traceparent : null;
	}

}
