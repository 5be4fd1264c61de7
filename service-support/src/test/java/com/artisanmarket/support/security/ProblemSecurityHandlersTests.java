package com.artisanmarket.support.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemSecurityHandlersTests {

	private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();

	@Test
	void aServicesOwnRefusalSaysWhy() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handlers.handle(new MockHttpServletRequest("POST", "/api/things/1"), response,
				new AccessDeniedException("Your shop is suspended, so you cannot write messages."));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString())
			.contains("\"detail\":\"Your shop is suspended, so you cannot write messages.\"");
	}

	@Test
	void aRoleRefusedByTheRulesIsToldSoWithoutTheFrameworksWording() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handlers.handle(new MockHttpServletRequest("POST", "/api/things"), response,
				new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false)));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("\"detail\":\"Your role may not do this.\"")
			.doesNotContain("Access Denied");
	}

}
