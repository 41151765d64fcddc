package org.reconnect.escalation;

import org.reconnect.participants.QuietHours;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reconnect.participants.ParticipantProfile;

/**
 * Reads "PAUSE 3 days", "PAUSE 2 weeks", "PAUSE until Monday", "PAUSE tomorrow" (and the Spanish
 * "PAUSA 3 dias", "PAUSA hasta el lunes"). A pause that would end in the night ends when the
 * night does, so its kind closing message never wakes anyone.
 */
final class PauseRequest {

	static final Pattern PAUSE = Pattern.compile("^\\s*(pause|pausa|pausar)\\b\\s*(.*)$");
	/** RESUME, and for someone paused, the START words too (KEYWORDS leaves those to this step then). */
	static final Pattern RESUME = Pattern.compile("^\\s*(resume|reanudar|unpause|start|iniciar|comenzar)\\s*[.!]?\\s*$");
	private static final Pattern AMOUNT = Pattern.compile(
			"^(?:for\\s+|por\\s+)?(\\d{1,3})\\s*(h|hr|hrs|hour|hours|hora|horas|d|day|days|dia|dias|w|wk|week|weeks|semana|semanas)\\s*[.!]?$");
	private static final Pattern UNTIL = Pattern.compile("^(?:until|till|til|hasta)\\s+(?:el\\s+)?(\\p{L}+)\\s*[.!]?$");
	private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
			Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
			Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
			Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
			Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
			Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
			Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
			Map.entry("domingo", DayOfWeek.SUNDAY));

	private PauseRequest() {
	}

	static String plain(String body) {
		return Normalizer.normalize(body == null ? "" : body, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.trim();
	}

	/**
	 * @param rest the words after PAUSE
	 * @return when the pause ends, or empty when the words say no time we understand
	 */
	static Optional<Instant> until(String rest, ParticipantProfile participant, Instant now, QuietHours night) {
		ZonedDateTime local = now.atZone(participant.zone());
		Matcher amount = AMOUNT.matcher(rest);
		Instant end = null;
		if (amount.matches()) {
			long n = Long.parseLong(amount.group(1));
			char unit = amount.group(2).charAt(0);
			Duration length = unit == 'h' ? Duration.ofHours(n) : unit == 'w' || unit == 's' ? Duration.ofDays(7 * n)
					: Duration.ofDays(n);
			end = now.plus(length);
		}
		else if (rest.matches("^(tomorrow|manana)\\s*[.!]?$")) {
			end = ZonedDateTime.of(local.toLocalDate().plusDays(1), night.end(), participant.zone()).toInstant();
		}
		else {
			Matcher until = UNTIL.matcher(rest);
			if (until.matches()) {
				String word = until.group(1);
				DayOfWeek day = DAYS.get(word);
				if (day != null) {
					end = ZonedDateTime.of(local.toLocalDate().with(TemporalAdjusters.next(day)), night.end(),
							participant.zone()).toInstant();
				}
				else if (word.equals("tomorrow") || word.equals("manana")) {
					end = ZonedDateTime.of(local.toLocalDate().plusDays(1), night.end(), participant.zone()).toInstant();
				}
			}
		}
		return Optional.ofNullable(end).map(at -> night.nextAllowed(at, participant.zone()));
	}


}
