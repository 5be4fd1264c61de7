package com.artisanmarket.support.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Every service is an OAuth2 resource server: it checks each token's signature against
 * the gateway's published keys, its issuer and expiry, and maps its {@code roles} claim
 * to roles, itself, so a forged token is refused at the service port as well as at the
 * gateway.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

	/** The claim that carries an account's roles. */
	public static final String ROLES_CLAIM = "roles";

	/**
	 * The longest a token that passed is taken without a check: how long a token signed
	 * with a key the gateway no longer publishes may still pass.
	 */
	private static final Duration REMEMBER_TOKENS_FOR = Duration.ofMinutes(5);

	@Bean
	JwtDecoder jwtDecoder(SecurityProperties properties) {
		// Nimbus fetches the key set on first use, caches it, and refetches for an
		// unknown kid; from the first gateway that answers.
		RestTemplate keySets = new RestTemplate();
		keySets.getInterceptors().add(new AnyGateway(properties.jwksUri()));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().getFirst().toString())
			.restOperations(keySets)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
		if (properties.rememberedTokens() <= 0) {
			return decoder;
		}
		return new RememberingJwtDecoder(decoder, properties.rememberedTokens(), REMEMBER_TOKENS_FOR, Clock.systemUTC(),
				Ticker.systemTicker());
	}

	@Bean
	SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, ObjectProvider<AuthorizationRules> rules)
			throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
							"/v3/api-docs/**", "/livez", "/readyz", "/routable")
					.permitAll();
				// The operations snapshot: the gateway asks for it with the admin's
				// token.
				requests.requestMatchers(HttpMethod.GET, "/actuator/marketplace").hasRole("ADMIN");
				requests.requestMatchers("/actuator/deadletters").hasRole("ADMIN");
				requests.requestMatchers("/error").permitAll();
				rules.orderedStream().forEach((rule) -> rule.configure(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Sends the key-set request to each gateway in turn until one answers: every gateway
	 * publishes the same key.
	 */
	static final class AnyGateway implements ClientHttpRequestInterceptor {

		private final List<URI> keySets;

		AnyGateway(List<URI> keySets) {
			this.keySets = keySets;
		}

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			IOException unreachable = null;
			for (URI keySet : this.keySets) {
				try {
					return execution.execute(new HttpRequestWrapper(request) {

						@Override
						public URI getURI() {
							return keySet;
						}

					}, body);
				}
				catch (IOException ex) {
					unreachable = ex;
				}
			}
			throw unreachable;
		}

	}

}
