package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.ForbiddenWords;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.ParticipantId;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Three days of low-mood answers show on the coach's caseload as a dip of its own, with the days it
 * covers, while the participant is not "quiet" at all; their ally, who agreed to alerts, hears
 * nothing of it.
 */
class MotivationDipIntegrationTests extends CoachPageTestBase {

	@Test
	void lowMoodDaysShowOnTheCaseloadAndNeverReachTheAlly() {
		clock.set(START);
		TestRestTemplate dana = coach("dana", "dana-pass-1");
		String sam = "+12025550961";
		String maria = "+12025550962";
		String id = enrol(dana, "Sam Okafor", sam);
		assertThat(dana.postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Maria Lopez", "phone", maria), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		phone.receive(maria, "YES");
		int toAlly = phone.sentTo(maria, 50).size();

		ConsoleSession console = new ConsoleSession(port);
		console.signIn("dana", "dana-pass-1");
		// Friday 8, Saturday 9 and Sunday 10 March: the check-in answered with a 2 each day
		for (int day = 0; day < 3; day++) {
			clock.set(START.plus(Duration.ofDays(day)));
			assertThat(conversations.checkInByHand(new ParticipantId(id)).conversation()).isNotNull();
			phone.receive(sam, "2");
			if (day == 1) {
				assertThat(caseloadRowOf(console, id)).as("two low days are not yet a dip").doesNotContain("Low mood");
			}
			clock.advance(Duration.ofHours(7));
			due.sweep();
		}
		clock.set(START.plus(Duration.ofDays(3)));
		due.sweep();

		String row = caseloadRowOf(console, id);
		assertThat(row).contains("Low mood 3 days, Mar 8\u201310").doesNotContain("Quiet");

		// the same signal in the API the caseload's rows come from, in the coach's language
		JsonNode entry = caseloadApiEntry(dana, id, "en");
		assertThat(entry.get("state").asString()).isNotEqualTo("QUIET");
		assertThat(entry.at("/motivation/kind").asString()).isEqualTo("LOW_MOOD");
		assertThat(entry.at("/motivation/days").asInt()).isEqualTo(3);
		assertThat(entry.at("/motivation/from").asString()).isEqualTo("2030-03-08");
		assertThat(entry.at("/motivation/to").asString()).isEqualTo("2030-03-10");
		assertThat(entry.at("/motivation/words").asString()).isEqualTo("Low mood 3 days, Mar 8\u201310");
		assertThat(caseloadApiEntry(dana, id, "es").at("/motivation/words").asString())
			.isEqualTo("\u00c1nimo bajo 3 d\u00edas, 8\u201310 mar");

		List<String> allyGot = phone.sentTo(maria, 50).stream().map(SentMessage::body).toList();
		assertThat(allyGot).as("the ally hears nothing of a dip").hasSize(toAlly);
		assertThat(allyGot).allSatisfy(text -> assertThat(ForbiddenWords.in(text)).isEmpty())
			.noneMatch(text -> text.contains("Low mood") || text.contains("Mar 8"));
	}

	private static JsonNode caseloadApiEntry(TestRestTemplate coach, String id, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		ResponseEntity<String> answer = coach.exchange("/api/caseload", HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		for (JsonNode row : new ObjectMapper().readTree(answer.getBody())) {
			if (row.get("id").asString().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("not in the caseload: " + id);
	}

	/** The participant's row of the caseload board, as the coach's browser gets it. */
	private static String caseloadRowOf(ConsoleSession console, String id) {
		String page = console.get("/").body();
		int start = page.indexOf("data-participant=\"" + id + "\"");
		assertThat(start).as("the participant is on the board").isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}
}
