package com.artisanmarket.support.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The marketplace's {@code problem+json} errors, registered before Spring MVC's own
 * problem-details handler so that this one replaces it, the request id filter, the filter
 * that hides media type headers that cannot be used, and Tomcat's own errors as
 * problem+json.
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
	FilterRegistrationBean<MediaTypeHeadersFilter> mediaTypeHeadersFilter() {
		FilterRegistrationBean<MediaTypeHeadersFilter> registration = new FilterRegistrationBean<>(
				new MediaTypeHeadersFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** Tomcat's own error answers (a path that is not UTF-8) as problem+json. */
	@Bean
	TomcatContextCustomizer problemErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

}
