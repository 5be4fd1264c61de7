package com.artisanmarket.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Ports for servers that tests start. Picked below the kernel's ephemeral range (32768
 * and up on Linux), so that an outgoing connection of some other process cannot take a
 * port between the moment it is picked and the moment a server binds it; and never the
 * same port twice in one JVM.
 */
public final class FreePorts {

	private static final int LOWEST = 20000;

	private static final int HIGHEST = 32000;

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int next() {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
			if (!handedOut.contains(port) && isFree(port) && handedOut.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
	}

	/**
	 * A port that is free along with the {@code count - 1} ports {@code step} apart above
	 * it (the ports of a part's further instances, see {@link Replicas}); all are handed
	 * out.
	 */
	public static int next(int count, int step) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - step * (count - 1));
			List<Integer> ports = IntStream.range(0, count).mapToObj((i) -> port + step * i).toList();
			if (ports.stream().noneMatch(handedOut::contains) && ports.stream().allMatch(FreePorts::isFree)
					&& handedOut.addAll(ports)) {
				return port;
			}
		}
		throw new IllegalStateException(
				"no " + count + " free ports " + step + " apart between " + LOWEST + " and " + HIGHEST);
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
