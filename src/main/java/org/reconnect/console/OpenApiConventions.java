package org.reconnect.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What every operation of the API description has in common, written once rather than on sixty
 * methods: its RFC 9457 problem responses (400 for input it checks, 401 without a token, 404 for
 * an id in the path, as application/problem+json with an example) and an example of each JSON
 * body it takes or gives, built from the body's schema with values like the ones the API uses.
 * Summaries and descriptions come from each method's Javadoc or {@code @Operation}; the success
 * status from its {@code @ApiResponse} when it is not 200.
 */
@Component
class OpenApiConventions implements OpenApiCustomizer {

	private static final String PROBLEM = "application/problem+json";

	/** Sample values by field name, as the API's own examples write them. */
	private static final Map<String, Object> SAMPLES = Map.ofEntries(Map.entry("name", "Sam Rivera"),
			Map.entry("phone", "+12025550143"), Map.entry("timeZone", "America/New_York"),
			Map.entry("checkInTime", "09:00"), Map.entry("language", "es"), Map.entry("channel", "SMS"),
			Map.entry("coach", "coach"), Map.entry("username", "ana"), Map.entry("email", "ana@example.org"),
			Map.entry("role", "COACH"), Map.entry("password", "a long passphrase 2030"),
			Map.entry("start", "2030-03-12T19:00"), Map.entry("end", "08:00"),
			Map.entry("rule", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10"), Map.entry("title", "Group meeting"),
			Map.entry("place", "Community centre, room 2"), Map.entry("note", "Bring the workbook"),
			Map.entry("id", "6b167a156c547014005b5e19"), Map.entry("flow", "daily-checkin"),
			Map.entry("status", "ACTIVE"), Map.entry("state", "ON_TIME"), Map.entry("by", "1d"),
			Map.entry("body", "3"), Map.entry("from", "+12025550143"), Map.entry("to", "+12025550143"),
			Map.entry("until", "2030-03-15T12:00:00Z"), Map.entry("token", "2b1f6c0e9d7a4c53"),
			Map.entry("url", "https://reconnect.example.org/chat/2b1f6c0e9d7a4c53"),
			Map.entry("before", "PT1H"), Map.entry("occurrence", "2030-03-12T19:00"),
			Map.entry("moveTo", "2030-03-13T19:00"), Map.entry("reason", "asked for a person"));

	@Override
	public void customise(OpenAPI api) {
		api.getComponents().addSchemas("Problem", problemSchema());
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operation.setResponses(operation.getResponses() == null ? new ApiResponses() : operation.getResponses());
			examples(api, operation);
			problems(path, operation);
		}));
	}

	private void problems(String path, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean takesInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (takesInput) {
			responses.putIfAbsent("400", problem("Invalid input",
					"A field is missing or not valid: the problem names each field and how to fix it.",
					Map.of("type", "https://reconnect.example.org/problems/invalid-input", "title", "Invalid input",
							"status", 400, "detail", "timeZone: is not an IANA time zone: send one such as America/New_York",
							"errors", List.of(Map.of("field", "timeZone",
									"message", "is not an IANA time zone: send one such as America/New_York")))));
		}
		if (path.startsWith("/api/")) {
			responses.putIfAbsent("401", problem("Sign-in required",
					"No API token or HTTP Basic credentials, or ones that are not accepted.",
					Map.of("title", "Sign-in required", "status", 401, "detail",
							"Send an API token as 'Authorization: Bearer <token>' (a supervisor issues them at "
									+ "POST /api/tokens), or a coach's username and password by HTTP Basic.")));
		}
		if (path.contains("{")) {
			responses.putIfAbsent("404", problem("Not found",
					"Nothing with this id, or it is another coach's participant (a coach sees only their own).",
					Map.of("title", "Participant not found", "status", 404, "detail",
							"No participant 6b167a156c547014005b5e19 in your caseload: list yours at GET /api/participants")));
		}
		// a JSON error the method documents itself (409, ...) is a problem detail, whatever its return type
		responses.forEach((code, response) -> {
			if (code.startsWith("4") && response.getContent() != null && !response.getContent().containsKey(PROBLEM)
					&& response.getContent().keySet().stream().anyMatch(type -> type.contains("json") || type.equals("*/*"))) {
				response.setContent(problemContent(Map.of("title", response.getDescription(), "status",
						Integer.parseInt(code), "detail", response.getDescription())));
			}
		});
	}

	private ApiResponse problem(String summary, String description, Map<String, Object> example) {
		return new ApiResponse().description(summary + ". " + description).content(problemContent(example));
	}

	private static Content problemContent(Map<String, Object> example) {
		return new Content().addMediaType(PROBLEM,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example));
	}

	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().description("the request's field"));
		error.addProperty("message", new StringSchema().description("what is wrong and how to fix it"));
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem detail");
		problem.addProperty("type", new StringSchema().format("uri"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema().format("uri"));
		problem.addProperty("errors", new ArraySchema().items(error));
		return problem;
	}

	/** An example for each JSON request and success body without one, from its schema. */
	private void examples(OpenAPI api, Operation operation) {
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().values().forEach(media -> example(api, media));
		}
		operation.getResponses().forEach((code, response) -> {
			if (code.startsWith("2") && response.getContent() != null) {
				response.getContent().values().forEach(media -> example(api, media));
			}
		});
	}

	private void example(OpenAPI api, MediaType media) {
		if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
				&& media.getSchema() != null) {
			media.setExample(sample(api, media.getSchema(), null, Set.of()));
		}
	}

	/** A value for the schema: its own example, else one by field name, type and format. */
	private Object sample(OpenAPI api, Schema<?> schema, String name, Set<String> seen) {
		if (schema.get$ref() != null) {
			String ref = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			Schema<?> target = api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(ref);
			if (target == null || seen.contains(ref)) {
				return Map.of();
			}
			Set<String> deeper = new java.util.HashSet<>(seen);
			deeper.add(ref);
			return sample(api, target, name, deeper);
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		String type = schema.getType() != null ? schema.getType()
				: schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
		if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
			Map<String, Object> object = new LinkedHashMap<>();
			schema.getProperties().forEach((field, property) -> object.put(field, sample(api, property, field, seen)));
			return object;
		}
		if ("array".equals(type) || schema.getItems() != null) {
			List<Object> items = new ArrayList<>();
			if (schema.getItems() != null) {
				items.add(sample(api, schema.getItems(), name, seen));
			}
			return items;
		}
		if (name != null && SAMPLES.containsKey(name)) {
			return SAMPLES.get(name);
		}
		String format = schema.getFormat();
		if ("date-time".equals(format)) {
			return "2030-03-08T16:00:00Z";
		}
		if ("date".equals(format)) {
			return "2030-03-08";
		}
		return switch (type == null ? "string" : type) {
			case "integer", "number" -> 2;
			case "boolean" -> true;
			case "object" -> Map.of();
			default -> name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith("at") ? "2030-03-08T16:00:00Z"
					: "text";
		};
	}
}
