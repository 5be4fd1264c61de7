package com.artisanmarket.gateway.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify the gateway's tokens, for every service. */
@RestController
class JwksController {

	private final TokenIssuer tokens;

	JwksController(TokenIssuer tokens) {
		this.tokens = tokens;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> keys() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.tokens.publicKeys().toJSONObject());
	}

}
