package com.artisanmarket.support.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The W3C {@code traceparent} of the work being done (an HTTP request, a Kafka record),
 * kept with each outbox entry and sent as the record's {@code traceparent} header, so the
 * consumer's work continues the same trace even though the relay publishes later, on
 * another thread.
 */
class TraceparentSource {

	/**
	 * Looked up once: asking the bean factory on every event cost 4 % of
	 * catalog-service's CPU while an import listed products.
	 */
	private final SingletonSupplier<Tracer> tracer;

	TraceparentSource(ObjectProvider<Tracer> tracer) {
		this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
	}

	/** The current span's {@code traceparent}, or {@code null} outside any trace. */
	String current() {
		Tracer current = this.tracer.get();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
	}

}
