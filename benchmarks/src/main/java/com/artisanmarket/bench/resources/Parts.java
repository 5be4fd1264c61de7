package com.artisanmarket.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.artisanmarket.launcher.Part;
import com.artisanmarket.launcher.Replicas;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.launcher.StackConfig;
import com.artisanmarket.launcher.Supervisor;

/**
 * The marketplace's processes as {@code ./marketplace up} left them (pid files under the
 * data directory, checked against each command line by the launcher's
 * {@link Supervisor}), and what Linux says about them under {@code /proc}: CPU time from
 * {@code stat}, resident memory from {@code status}.
 */
public final class Parts {

	private final Map<String, Long> pids;

	private final long ticksPerSecond;

	private Parts(Map<String, Long> pids, long ticksPerSecond) {
		this.pids = pids;
		this.ticksPerSecond = ticksPerSecond;
	}

	/**
	 * Finds the running parts.
	 * @param config the stack's settings
	 * @return the parts found running, by name in start order
	 */
	public static Parts running(StackConfig config) {
		Supervisor supervisor = new Supervisor(new Stack(config, Stack.Startup.EXECUTABLE_JAR, Replicas.read(config)),
				false);
		Map<String, Long> pids = new LinkedHashMap<>();
		for (Part part : supervisor.stack().parts()) {
			supervisor.running(part).ifPresent((process) -> pids.put(part.name(), process.pid()));
		}
		return new Parts(pids, ticksPerSecond());
	}

	public List<String> names() {
		return List.copyOf(this.pids.keySet());
	}

	/** CPU seconds (user + system) each part has used since it started. */
	public Map<String, Double> cpuSeconds() {
		Map<String, Double> seconds = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> cpuTicks(pid)
			.ifPresent((ticks) -> seconds.put(name, ticks / (double) this.ticksPerSecond)));
		return seconds;
	}

	/**
	 * CPU seconds the whole machine has been busy since it booted (every CPU's user,
	 * nice, system, irq, softirq and steal time in {@code /proc/stat}), to tell how much
	 * of a step's CPU went to processes that are not the marketplace's.
	 */
	public double machineBusySeconds() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long busy = 0;
			for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[field]);
			}
			return busy / (double) this.ticksPerSecond;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** Each part's peak resident memory so far ({@code VmHWM}), in KiB. */
	public Map<String, Long> peakResidentKib() {
		Map<String, Long> peaks = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> statusKib(pid, "VmHWM").ifPresent((kib) -> peaks.put(name, kib)));
		return peaks;
	}

	/**
	 * A part's resident memory now ({@code VmRSS}), in KiB; empty when it is not found.
	 */
	public OptionalLong residentKib(String name) {
		Long pid = this.pids.get(name);
		return (pid != null) ? statusKib(pid, "VmRSS") : OptionalLong.empty();
	}

	/** The parts' resident memory now ({@code VmRSS}), added up, in KiB. */
	public long residentKibTotal() {
		return this.pids.values().stream().mapToLong((pid) -> statusKib(pid, "VmRSS").orElse(0)).sum();
	}

	/**
	 * utime + stime: fields 14 and 15 of {@code /proc/<pid>/stat}, after the command
	 * name.
	 */
	static OptionalLong cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// The command name (field 2) is in parentheses and may hold spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	static OptionalLong statusKib(long pid, String field) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith(field + ":"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	private static long ticksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String answer = new String(getconf.getInputStream().readAllBytes()).trim();
			return (getconf.waitFor() == 0) ? Long.parseLong(answer) : 100;
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
