package com.artisanmarket.gateway.identity;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.1"));

	@Test
	void ignoresXForwardedForFromAnUntrustedPeer() {
		assertThat(this.addresses.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void takesTheNearestUntrustedHopBehindTrustedProxies() {
		assertThat(this.addresses.of(request("10.0.0.2", "198.51.100.1, 203.0.113.50, 10.0.0.7")))
			.as("a client cannot choose its address by sending X-Forwarded-For itself")
			.isEqualTo("203.0.113.50");
		assertThat(this.addresses.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void usesThePeerWhenATrustedProxyForwardsNoAddress() {
		assertThat(this.addresses.of(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
		assertThat(this.addresses.of(request("10.0.0.2", "not-an-address"))).isEqualTo("10.0.0.2");
	}

	@Test
	void trustsNoProxyByDefault() {
		assertThat(new ClientAddresses(List.of()).of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return request.build();
	}

}
