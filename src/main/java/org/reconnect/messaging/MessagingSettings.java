package org.reconnect.messaging;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages travel.
 *
 * @param programName named in the HELP text and the STOP confirmation
 * @param helpContact how to reach a person, named in the HELP text; blank: the words of
 * messages/keywords*.properties, in the reader's language (a value here is used for every language)
 * @param frequency how often the program writes, named in the HELP text; blank: the bundle's words
 * @param twilio the Twilio account; without an account SID and auth token the simulator is used
 * @param outbox retries, pacing and the dispatcher
 * @param compliance quiet hours and the daily cap
 * @param whatsapp the session window and the approved templates used outside it
 * @param webChat how pages open on one node hear of messages another node sent
 */
@Validated
@ConfigurationProperties("reconnect.messaging")
public record MessagingSettings(@DefaultValue("Reconnect") String programName,
		@DefaultValue("") String helpContact, @DefaultValue("") String frequency,
		@DefaultValue Twilio twilio, @DefaultValue Outbox outbox, @DefaultValue Compliance compliance,
		@DefaultValue WhatsApp whatsapp, @DefaultValue WebChat webChat) {

	/**
	 * @param accountSid Twilio account SID (AC...)
	 * @param authToken Twilio auth token; also the key of webhook signatures
	 * @param fromNumber the sending number in E.164, used when no messaging service is set
	 * @param messagingServiceSid a Messaging Service (MG...), preferred over the from number
	 * @param publicBaseUrl the URL Twilio calls, e.g. https://reconnect.example.org, as the signature
	 * covers it; behind a TLS proxy the app cannot see it itself. Also where status callbacks go.
	 * @param apiBaseUrl where the REST API is reached; only tests set it (to WireMock)
	 * @param whatsappFrom the WhatsApp sender in E.164 (sent as whatsapp:+...); without it WhatsApp
	 * goes through the messaging service, whose sender pool must then hold a WhatsApp sender
	 */
	record Twilio(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
			String publicBaseUrl, String apiBaseUrl, String whatsappFrom) {

		boolean configured() {
			return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
		}
	}

	/**
	 * @param messagesPerSecond pace per sender across all nodes together (1 for a US long code); 0 turns
	 * pacing off
	 * @param pollInterval how often the dispatcher looks for due messages; 0 turns the background
	 * dispatcher off (tests drain by hand)
	 * @param maxAttempts attempts before a message that keeps meeting network errors, 429 or 5xx fails
	 * @param firstBackoff wait after the first failed attempt, doubled (times the multiplier) after each
	 * @param backoffMultiplier growth of the wait from one attempt to the next
	 * @param jitter randomisation of each wait, 0 to 1 (0.5: between half and one and a half times)
	 * @param maxBackoff longest wait between two attempts
	 * @param lease how long a dispatcher holds a claimed message before another node may take it over
	 * @param requestTimeout connect and response timeout of one request to the channel
	 * @param batchSize messages a dispatcher looks at per query
	 * @param senders requests a dispatcher has in flight at once; messages to one number always go
	 * one after another, in order
	 */
	record Outbox(@DefaultValue("1") int messagesPerSecond, @DefaultValue("250ms") Duration pollInterval,
			@DefaultValue("5") int maxAttempts, @DefaultValue("30s") Duration firstBackoff,
			@DefaultValue("2.0") double backoffMultiplier, @DefaultValue("0.5") double jitter,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("2m") Duration lease,
			@DefaultValue("10s") Duration requestTimeout, @DefaultValue("100") int batchSize,
			@DefaultValue("4") int senders) {
	}

	/**
	 * @param quietFrom start of quiet hours in the recipient's local time
	 * @param quietUntil end of quiet hours
	 * @param defaultZone the zone of the daily cap's day for a recipient no module knows (e.g. an
	 * ally); such recipients are not held for quiet hours here (escalation holds allies' alerts)
	 * @param dailyCap scheduled messages (check-ins, reminders) per recipient per local day
	 */
	record Compliance(@DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
			@DefaultValue("America/New_York") ZoneId defaultZone, @DefaultValue("3") int dailyCap) {
	}

	/**
	 * @param sessionWindow how long after the person's last WhatsApp message free-form text may be
	 * sent (WhatsApp's customer-service window); outside it only approved templates go
	 * @param templates Content SIDs (HX...) of approved templates, by template name and language,
	 * e.g. templates.daily-checkin.en
	 * @param templateVariables what fills each template's variables {{1}}, {{2}}, ... in order, by
	 * template name: first-name or text (the message as written, on one line); first-name when absent
	 */
	record WhatsApp(@DefaultValue("24h") Duration sessionWindow, Map<String, Map<String, String>> templates,
			Map<String, List<String>> templateVariables) {

		WhatsApp {
			templates = templates == null ? Map.of() : templates;
			templateVariables = templateVariables == null ? Map.of() : templateVariables;
		}
	}

	/**
	 * @param pollInterval how often each node looks in the store for web chat messages another node
	 * sent to the pages open on it (a page on the sending node gets them at once)
	 */
	record WebChat(@DefaultValue("1s") Duration pollInterval) {
	}
}
