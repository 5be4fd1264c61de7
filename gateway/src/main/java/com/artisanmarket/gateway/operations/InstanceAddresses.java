package com.artisanmarket.gateway.operations;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every instance behind one management address, for the operations panel where a name
 * stands for several instances: compose's service name resolves to each replica's
 * address, a Kubernetes headless Service's to each pod's. Asked for at every read of the
 * panel, so instances that come and go are seen.
 */
class InstanceAddresses {

	private final Resolver resolver;

	InstanceAddresses(Resolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * The URL once per address its host resolves to, in address order; the URL itself
	 * when its host is an address or does not resolve (its row then says why).
	 * @param url a management URL
	 * @return one URL per instance
	 */
	List<String> of(String url) {
		URI uri = URI.create(url);
		try {
			return Arrays.stream(this.resolver.resolve(uri.getHost()))
				.sorted(Comparator.comparing(InetAddress::getHostAddress))
				.map((address) -> (address instanceof Inet6Address) ? "[" + address.getHostAddress() + "]"
						: address.getHostAddress())
				.distinct()
				.map((host) -> UriComponentsBuilder.fromUri(uri).host(host).toUriString())
				.toList();
		}
		catch (UnknownHostException ex) {
			return List.of(url);
		}
	}

	/** Resolves a host name to its addresses, as {@link InetAddress#getAllByName}. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
