package com.artisanmarket.gateway.identity;

import java.net.URI;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final Accounts accounts;

	private final TokenIssuer tokens;

	private final ClientAddresses clientAddresses;

	AuthController(Accounts accounts, TokenIssuer tokens, ClientAddresses clientAddresses) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.clientAddresses = clientAddresses;
	}

	@PostMapping("/register")
	@ApiResponse(responseCode = "201", description = "The new account; sign in for a token")
	Mono<ResponseEntity<UserView>> register(@Valid @RequestBody Registration registration, ServerWebExchange exchange) {
		return this.accounts.register(registration, this.clientAddresses.of(exchange.getRequest()))
			.map((account) -> ResponseEntity.created(URI.create("/api/auth/me")).body(UserView.of(account)));
	}

	@PostMapping("/login")
	Mono<TokenResponse> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
		return this.accounts.authenticate(credentials, this.clientAddresses.of(exchange.getRequest()))
			.map(this.tokens::issue);
	}

	@GetMapping("/me")
	Mono<UserView> me(@AuthenticationPrincipal Jwt token) {
		return this.accounts.findById(token.getSubject())
			.map(UserView::of)
			.switchIfEmpty(Mono.error(new IdentityExceptions.BadCredentials()));
	}

}
