package com.artisanmarket.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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
