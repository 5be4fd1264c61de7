package com.artisanmarket.gateway.identity;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, for throttling. Anyone can send
 * {@code X-Forwarded-For}, so it is believed only when the peer is one of the configured
 * trusted proxies, and then only up to the first hop that is not one: each trusted proxy
 * appends the address it saw, so the rightmost untrusted entry is the client as far as
 * our own proxies can tell (entries to its left are the client's own claims).
 */
class ClientAddresses {

	/** IPv4 or IPv6 literals only: a matcher given a name would look it up in DNS. */
	private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

	private final List<Range> trustedProxies;

	/**
	 * @param trustedProxies addresses or CIDR ranges, e.g. {@code 10.0.0.0/8}
	 */
	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(String::trim).map(Range::of).toList();
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		if (!trusted(peer)) {
			return peer;
		}
		List<String> hops = request.getHeaders()
			.getValuesAsList("X-Forwarded-For")
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter((hop) -> !hop.isEmpty())
			.toList();
		for (String hop : hops.reversed()) {
			if (!LITERAL.matcher(hop).matches()) {
				return peer;
			}
			if (!trusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean trusted(String address) {
		InetAddress parsed = parse(address);
		return parsed != null && this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(parsed));
	}

	/** A literal address, never looked up in DNS; null when it is none. */
	private static InetAddress parse(String literal) {
		if (!LITERAL.matcher(literal).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * An address or a CIDR range of them.
	 *
	 * @param network the range's first address
	 * @param prefix how many leading bits must match
	 */
	private record Range(byte[] network, int prefix) {

		static Range of(String cidr) {
			String[] parts = cidr.split("/", 2);
			InetAddress address = parse(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("not an address or CIDR range: " + cidr);
			}
			byte[] bytes = address.getAddress();
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bytes.length * 8;
			return new Range(bytes, prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
