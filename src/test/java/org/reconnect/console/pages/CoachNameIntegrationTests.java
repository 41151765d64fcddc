package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.TestCoaches;
import org.reconnect.messaging.SentMessage;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

/**
 * The name participants read for their coach: set on the coach's Settings page, it is the one the
 * welcome, the onboarding flow's {coach_name} and the coach's own messages use; without one they
 * read the username, and the console says so.
 */
class CoachNameIntegrationTests extends CoachPageTestBase {

	@Test
	void aNameSetInSettingsIsTheOneParticipantsReadInTheWelcomeOnboardingAndTheCoachsMessages() {
		ConsoleSession dana = signedIn("dana.r", "dana-pass-2030", null);
		HttpResponse<String> saved = dana.submit("/settings", "/settings",
				Map.of("displayName", "  Dana R. ", "zone", "", "language", ""));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String settings = page(dana, "/settings");
		assertThat(settings).contains("value=\"Dana R.\"").doesNotContain("Participants read your name as");
		assertThat(page(dana, "/")).doesNotContain("id=\"display-name-unset\"");

		String tess = enrol(dana, "Tess Alder", "+12025550931", "en");
		assertThat(sent("+12025550931")).containsExactly("Hi Tess, this is Reconnect. Your coach Dana R. set up a "
				+ "short check-in for you once a day at 09:40. Text HELP for options or STOP to stop.");
		startOnboarding(tess);
		assertThat(sent("+12025550931").get(1)).isEqualTo("Hi Tess, welcome to Reconnect. Your coach Dana R. set this "
				+ "up so we can check in once a day. Is that okay? (yes/no)");

		String lucia = enrol(dana, "Lucía Prieto", "+12025550932", "es");
		assertThat(sent("+12025550932")).containsExactly("Hola Lucía, te escribe Reconnect. Tu coach Dana R. preparó "
				+ "un check-in corto para ti, una vez al día a las 09:40. Escribe AYUDA para ver opciones o PARAR para no "
				+ "recibir más.");
		startOnboarding(lucia);
		assertThat(sent("+12025550932").get(1)).isEqualTo("Hola Lucía, te damos la bienvenida a Reconnect. Tu coach "
				+ "Dana R. lo preparó para saludarte una vez al día. ¿Te parece bien? (sí/no)");

		dana.submit("/participants/" + tess, "/participants/" + tess + "/messages", Map.of("text", "See you Monday."));
		assertThat(sent("+12025550931")).last().isEqualTo("Dana R. (your coach): See you Monday.");
	}

	@Test
	void aNameTooLongBlankOrNotPlainTextIsRefusedNextToItsFieldAndNothingIsSaved() {
		ConsoleSession omar = signedIn("omar.n", "omar-pass-2030", null);
		assertThat(omar.submit("/settings", "/settings", Map.of("displayName", "Omar", "zone", "", "language", ""))
			.statusCode()).isEqualTo(302);

		HttpResponse<String> tooLong = omar.submit("/settings", "/settings",
				Map.of("displayName", "O".repeat(41), "zone", "America/Chicago", "language", ""));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(fieldError(tooLong)).isEqualTo("The name participants read is too long: at most 40 characters");
		assertThat(HtmlUtils.htmlUnescape(tooLong.body())).contains("id=\"displayName\" name=\"displayName\"")
			.contains("aria-invalid=\"true\" aria-describedby=\"displayName-error displayName-hint\"");

		HttpResponse<String> blank = omar.submit("/settings", "/settings",
				Map.of("displayName", "   ", "zone", "", "language", ""));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(fieldError(blank)).startsWith("The name participants read is empty: send the name participants "
				+ "know you by, 1 to 40 characters");

		HttpResponse<String> control = omar.submit("/settings", "/settings",
				Map.of("displayName", "Omar\u0007", "zone", "", "language", ""));
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(fieldError(control)).contains("U+0007").contains("a control character");

		ConsoleSession spanish = session("omar.n", "omar-pass-2030", "es");
		HttpResponse<String> largo = spanish.submit("/settings", "/settings",
				Map.of("displayName", "O".repeat(41), "zone", "", "language", ""));
		assertThat(fieldError(largo)).isEqualTo("El nombre que leen los participantes: es demasiado largo: como máximo 40 "
				+ "caracteres");

		String settings = page(omar, "/settings");
		assertThat(settings).as("the name as it was").contains("value=\"Omar\"");
		var zone = java.util.regex.Pattern.compile("<input id=\"zone\"[^>]*value=\"([^\"]*)\"").matcher(settings);
		assertThat(zone.find()).isTrue();
		assertThat(zone.group(1)).as("the zone as it was").isEmpty();
	}

	@Test
	void withoutANameParticipantsReadTheUsernameAndTheConsoleSaysSoUntilOneIsSet() {
		ConsoleSession nico = signedIn("nico", "nico-pass-2030", null);
		assertThat(page(nico, "/settings"))
			.contains("Participants read your name as 'nico'. Set the name they know you by.");
		assertThat(page(nico, "/")).containsOnlyOnce("Participants read your name as 'nico'.")
			.contains("<a href=\"/settings\">Set the name they know you by</a>");
		ConsoleSession spanish = session("nico", "nico-pass-2030", "es");
		assertThat(page(spanish, "/settings"))
			.contains("Los participantes leen su nombre como 'nico'. Indique el nombre por el que le conocen.");
		assertThat(page(spanish, "/")).contains("Los participantes leen su nombre como 'nico'.");

		enrol(nico, "Rosa Lind", "+12025550933", "en");
		assertThat(sent("+12025550933")).containsExactly("Hi Rosa, this is Reconnect. Your coach nico set up a "
				+ "short check-in for you once a day at 09:40. Text HELP for options or STOP to stop.");

		nico.submit("/settings", "/settings", Map.of("displayName", "Nico", "zone", "", "language", ""));
		assertThat(page(nico, "/")).doesNotContain("Participants read your name as");
		// cleared again: the username, and the notice, are back
		nico.submit("/settings", "/settings", Map.of("displayName", "", "zone", "", "language", ""));
		assertThat(page(nico, "/")).contains("Participants read your name as 'nico'.");
	}

	/** A coach of their own, made afresh (no name for participants yet), signed in to the console. */
	private ConsoleSession signedIn(String username, String password, String language) {
		TestCoaches.ensure(mongo, encoder, username, password);
		return session(username, password, language);
	}

	/** Another browser of the same coach; {@code language} its Accept-Language, null for none. */
	private ConsoleSession session(String username, String password, String language) {
		ConsoleSession console = new ConsoleSession(port, language);
		assertThat(console.signIn(username, password).statusCode()).isEqualTo(302);
		return console;
	}

	/** Enrols through the console's form, as the coach; their id. */
	private String enrol(ConsoleSession coach, String name, String number, String language) {
		HttpResponse<String> enrolled = coach.submit("/participants/new", "/participants/new", Map.of("name", name,
				"phone", number, "timeZone", "America/New_York", "checkInTime", "09:40", "language", language));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(302);
		String path = URI.create(enrolled.headers().firstValue("Location").orElseThrow()).getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private void startOnboarding(String participant) {
		assertThat(http.withBasicAuth("coach", "sim-pass-2030")
			.postForEntity("/api/participants/" + participant + "/conversations", Map.of("flow", "onboarding"),
					JsonNode.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}

	/** What went to the number, oldest first. */
	private List<String> sent(String number) {
		List<String> newestFirst = phone.sentTo(number, 20).stream().map(SentMessage::body).toList();
		return java.util.stream.IntStream.range(0, newestFirst.size())
			.mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i))
			.toList();
	}

	private static String page(ConsoleSession console, String path) {
		HttpResponse<String> page = console.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return HtmlUtils.htmlUnescape(page.body());
	}

	/** The error shown with the name field. */
	private static String fieldError(HttpResponse<String> page) {
		String html = HtmlUtils.htmlUnescape(page.body());
		var error = java.util.regex.Pattern.compile("<p id=\"displayName-error\" class=\"error\">([^<]*)</p>")
			.matcher(html);
		assertThat(error.find()).as("an error with the name field: " + html).isTrue();
		return error.group(1);
	}
}
