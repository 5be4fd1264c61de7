package com.artisanmarket.catalog.conversation;

import com.artisanmarket.support.security.AuthorizationRules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A BUYER starts a conversation; everything else needs a signed-in caller, and
 * {@link Conversations} answers 404 to anyone who is not one of its two participants (an
 * ADMIN reads the ones reported).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationSettings.class)
class ConversationAccess {

	@Bean
	AuthorizationRules conversationRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/conversations")
			.hasRole("BUYER")
			.requestMatchers("/api/conversations", "/api/conversations/**")
			.authenticated();
	}

}
