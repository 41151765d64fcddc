package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import tools.jackson.databind.JsonNode;

/**
 * The API description at /v3/api-docs, operation by operation: a summary and a description, an
 * example of each JSON body it takes and gives, problem details for its errors, and the success
 * status the controller really answers (201, 202, 204), not a generic 200.
 */
class OpenApiDescriptionIntegrationTests extends LoopTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyOperationIsDescribedWithExamplesAndProblemDetails() {
		JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
		List<String> missing = new ArrayList<>();
		int operations = 0;
		for (var path : docs.path("paths").properties()) {
			for (var entry : path.getValue().properties()) {
				operations++;
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				JsonNode operation = entry.getValue();
				if (operation.path("summary").asText().isBlank()) {
					missing.add(name + ": no summary");
				}
				if (operation.path("description").asText().isBlank()) {
					missing.add(name + ": no description");
				}
				operation.path("requestBody").path("content").properties().forEach(media -> {
					if (!hasExample(media.getValue())) {
						missing.add(name + ": no request example (" + media.getKey() + ")");
					}
				});
				for (var response : operation.path("responses").properties()) {
					String code = response.getKey();
					JsonNode content = response.getValue().path("content");
					if (code.startsWith("2")) {
						content.properties().forEach(media -> {
							if (media.getKey().contains("json") && !hasExample(media.getValue())) {
								missing.add(name + ": no example of its " + code + " answer");
							}
						});
					}
					// a page or a webhook may answer an error in its own format; JSON errors are problem details
					boolean json = content.propertyNames().stream().anyMatch(type -> type.contains("json") || type.equals("*/*"));
					if (code.startsWith("4") && json && !content.has("application/problem+json")) {
						missing.add(name + ": its " + code + " is not a problem detail");
					}
				}
				if (!operation.path("parameters").isEmpty() || operation.has("requestBody")) {
					if (!operation.path("responses").has("400")) {
						missing.add(name + ": takes input but documents no 400");
					}
				}
			}
		}
		assertThat(operations).as("operations described").isGreaterThanOrEqualTo(60);
		assertThat(missing).as("operations short of a description, an example or a problem detail").isEmpty();
	}

	@Test
	void everyOperationDocumentsTheSuccessStatusItAnswers() {
		JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.reconnect")
					|| handler.getBeanType().getPackageName().contains(".pages")) {
				continue;
			}
			Set<String> stated = new TreeSet<>();
			ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
			if (status != null) {
				stated.add(Integer.toString(status.code().value()));
			}
			for (ApiResponse response : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
					ApiResponse.class)) {
				if (response.responseCode().startsWith("2")) {
					stated.add(response.responseCode());
				}
			}
			if (stated.isEmpty() && ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
				wrong.add(handler.getShortLogMessage() + " answers a ResponseEntity: state its success status with "
						+ "@ApiResponse");
				continue;
			}
			if (stated.isEmpty()) {
				stated.add("200");
			}
			for (String path : mapping.getKey().getPatternValues()) {
				for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
					JsonNode operation = docs.path("paths").path(path).path(method.name().toLowerCase());
					if (operation.isMissingNode()) {
						continue;
					}
					Set<String> documented = new TreeSet<>();
					operation.path("responses").propertyNames().forEach(code -> {
						if (code.startsWith("2")) {
							documented.add(code);
						}
					});
					if (!documented.equals(stated)) {
						wrong.add(method + " " + path + " documents " + documented + " but answers " + stated);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static boolean hasExample(JsonNode media) {
		return media.has("example") || !media.path("examples").isEmpty();
	}
}
