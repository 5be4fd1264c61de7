package com.artisanmarket.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What the bench's simulations share: their {@link LoadSettings}, an HTTP protocol that
 * talks to the base URL only, and requests timed into {@link RequestTimes}, which the run
 * writes when it ends.
 */
abstract class BenchSimulation extends Simulation {

	private static final String ELAPSED = "bench.elapsed";

	protected final LoadSettings settings = LoadSettings.current();

	/**
	 * Requests started before this {@link System#nanoTime()} belong to the warm-up and
	 * are not recorded.
	 */
	private volatile long recordFrom = Long.MAX_VALUE;

	/**
	 * In the order the requests were declared, which is the order they are reported in.
	 */
	private final Map<String, Times> times = Collections.synchronizedMap(new LinkedHashMap<>());

	protected HttpProtocolBuilder protocol() {
		// No warm-up request: Gatling's default one goes to its web site, and a benchmark
		// here talks to this machine only.
		return http.baseUrl(this.settings.baseUrl())
			.acceptHeader("application/json")
			.userAgentHeader("marketplace-bench")
			.disableWarmUp();
	}

	/**
	 * A request whose time and outcome go into {@link RequestTimes} as well as into
	 * Gatling's report.
	 * @param name the request's name in both
	 * @param request the request
	 * @param checks what makes its answer good
	 * @return the chain that sends it
	 */
	protected ChainBuilder timed(String name, Function<Http, HttpRequestActionBuilder> request,
			CheckBuilder... checks) {
		// Gatling applies every check of an answer, failing or not, so the time is there
		// for a failed answer too; a request that got no answer leaves none. A session
		// stays failed once a request failed, so each timed request starts from a good
		// one.
		Times times = this.times.computeIfAbsent(name, (key) -> new Times());
		return exec((session) -> session.remove(ELAPSED).markAsSucceeded())
			.exec(request.apply(http(name)).check(responseTimeInMillis().saveAs(ELAPSED)).check(checks))
			.exec((session) -> {
				Long elapsed = session.getLongWrapper(ELAPSED);
				long started = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos((elapsed != null) ? elapsed : 0);
				if (started >= this.recordFrom) {
					times.add(elapsed, session.isFailed());
				}
				return session;
			});
	}

	/**
	 * Users arriving at the settings' rate through the warm-up and the measured duration.
	 */
	protected OpenInjectionStep arrivals() {
		return constantUsersPerSec(this.settings.rate()).during(this.settings.warmup().plus(this.settings.duration()));
	}

	@Override
	public void before() {
		this.recordFrom = System.nanoTime() + this.settings.warmup().toNanos();
	}

	@Override
	public void after() {
		Map<String, RequestTimes.Requests> requests = new LinkedHashMap<>();
		synchronized (this.times) {
			this.times.forEach((name, times) -> requests.put(name, times.requests()));
		}
		new RequestTimes(requests).write(this.settings.requestTimes());
	}

	private static final class Times {

		private final ConcurrentLinkedQueue<Long> ok = new ConcurrentLinkedQueue<>();

		private final AtomicInteger failed = new AtomicInteger();

		void add(Long millis, boolean failed) {
			if (failed || millis == null) {
				this.failed.incrementAndGet();
			}
			else {
				this.ok.add(millis);
			}
		}

		RequestTimes.Requests requests() {
			return new RequestTimes.Requests(List.copyOf(this.ok), this.failed.get());
		}

	}

}
