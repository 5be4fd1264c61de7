package com.artisanmarket.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The marketplace's {@code problem+json} errors, registered before Spring MVC's own
 * problem-details handler so that this one replaces it, the request id filter, and the
 * filter that drops an {@code Accept} header that cannot be parsed.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsExceptionHandler.class)
public class WebAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// Before Spring Security, so that even a refused request is logged with its id.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AcceptHeaderFilter> acceptHeaderFilter() {
		FilterRegistrationBean<AcceptHeaderFilter> registration = new FilterRegistrationBean<>(
				new AcceptHeaderFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
