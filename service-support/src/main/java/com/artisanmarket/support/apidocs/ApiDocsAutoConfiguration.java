package com.artisanmarket.support.apidocs;

import java.util.List;

import com.artisanmarket.support.security.Caller;
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
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document at {@code /v3/api-docs}: what springdoc reads from the
 * controllers, with the marketplace's title, the gateway as the one server (every public
 * path is routed through it) and the bearer token the gateway issues. Endpoints that
 * anyone may call need no token, so a token is optional at the document's level; who may
 * call what is in each operation's description and proven by the authorization matrix.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

	/** The name of the bearer token's security scheme in every document. */
	private static final String BEARER = "bearer";

	/** The schema of every error answer. */
	private static final String PROBLEM = "Problem";

	static {
		// The signed-in caller comes from the bearer token, not from the request's
		// parameters.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI marketplaceApi(Environment environment) {
		String name = environment.getProperty("spring.application.name", "service");
		return new OpenAPI()
			.info(new Info().title("Artisan Marketplace: " + name)
				.version("1")
				.description("Errors are application/problem+json (RFC 9457) with a machine-readable type."))
			.servers(List.of(new Server().url("/").description("The gateway")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token from POST /api/auth/login at the gateway."))
				.addSchemas(PROBLEM, problem()))
			.security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
	}

	/** Every operation may answer an error, always as problem+json. */
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

	/**
	 * RFC 9457's members, and the marketplace's {@code errors} (one per invalid field);
	 * some problems add members of their own.
	 */
	@SuppressWarnings("rawtypes")
	static Schema problem() {
		return new ObjectSchema().description("An error (RFC 9457)")
			.addProperty("type", new StringSchema().format("uri").description("What went wrong, a stable URI"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("What to do about it, for people"))
			.addProperty("instance", new StringSchema().description("The path that was called"))
			.addProperty("errors",
					new Schema<>().type("array")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema()))
						.description("One entry per invalid field"))
			.additionalProperties(Boolean.TRUE);
	}

}
