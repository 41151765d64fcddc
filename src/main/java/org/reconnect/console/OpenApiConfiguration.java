package org.reconnect.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's description at /v3/api-docs (and /swagger-ui.html): API tokens first, HTTP Basic kept. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI reconnectApi() {
		return new OpenAPI()
			.info(new Info().title("Reconnect API")
				.version("v1")
				.description("The coach console's actions. Authenticate with an API token a supervisor issues "
						+ "(POST /api/tokens) as 'Authorization: Bearer <token>', or with HTTP Basic. A coach sees "
						+ "only their own participants; another coach's participant answers 404."))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}
}
