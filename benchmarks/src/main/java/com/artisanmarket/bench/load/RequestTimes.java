package com.artisanmarket.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every request's time of one Gatling run, by request name, as the simulation saw them
 * ({@link BenchSimulation#timed}); written by the Gatling JVM when the run ends and read
 * by the bench for its summary. Gatling's HTML report shows the same requests; its
 * figures are not in a file format it promises to keep.
 *
 * @param requests by request name
 */
public record RequestTimes(Map<String, Requests> requests) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static RequestTimes read(Path file) {
		try {
			return JSON.readValue(Files.readString(file), RequestTimes.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no request times in " + file, ex);
		}
	}

	void write(Path file) {
		try {
			Files.writeString(file, JSON.writeValueAsString(this));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int failed() {
		return this.requests.values().stream().mapToInt(Requests::failed).sum();
	}

	/**
	 * One request name's answers.
	 *
	 * @param okMillis the times of the answers that passed their checks
	 * @param failed answers that failed a check, and requests that got no answer
	 */
	public record Requests(List<Long> okMillis, int failed) {

	}

}
