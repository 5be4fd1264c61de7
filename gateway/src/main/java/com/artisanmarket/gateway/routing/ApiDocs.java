package com.artisanmarket.gateway.routing;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document (accounts, tokens, the admin's operations) at
 * {@code /v3/api-docs}, and Swagger UI at {@code /swagger-ui.html}, which also lists each
 * service's document: the gateway routes {@code /api-docs/<service>} to the service's
 * {@code /v3/api-docs} (see application.yml). The services describe their errors and
 * tokens the same way (service-support's {@code ApiDocsAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	private static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	@Bean
	OpenAPI gatewayApi() {
		return new OpenAPI()
			.info(new Info().title("Artisan Marketplace: gateway")
				.version("1")
				.description("Accounts and tokens, and the admin's view of the platform. Errors are "
						+ "application/problem+json (RFC 9457) with a machine-readable type."))
			.servers(List.of(new Server().url("/").description("The gateway")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token from POST /api/auth/login."))
				.addSchemas(PROBLEM,
						new ObjectSchema().description("An error (RFC 9457)")
							.addProperty("type", new StringSchema().format("uri"))
							.addProperty("title", new StringSchema())
							.addProperty("status", new IntegerSchema())
							.addProperty("detail", new StringSchema())
							.addProperty("instance", new StringSchema())
							.additionalProperties(Boolean.TRUE)))
			.security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
	}

	@Bean
	GlobalOperationCustomizer problemAnswers() {
		return (operation, handler) -> {
			operation.getResponses()
				.addApiResponse("default",
						new ApiResponse().description("An error: the status says which, the problem's type says why")
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			return operation;
		};
	}

}
