package org.reconnect.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.hc.core5.http.Header;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * SMS through Twilio's REST API, from a Messaging Service when one is set, else from a number; and
 * WhatsApp through the same Messages API with whatsapp: addresses, from the WhatsApp sender when
 * one is set, else from the Messaging Service. One attempt per call: the outbox owns retries, so
 * the SDK's own retry loop is switched off.
 */
class TwilioChannel implements Channel, WhatsAppCarrier {

	/** No WhatsApp sender and no Messaging Service are configured. */
	static final String NO_WHATSAPP_SENDER = "whatsapp-not-configured";

	static final String STATUS_PATH = "/webhooks/twilio/status";

	/** Messages read back per number: far more than any one number gets within a lease. */
	private static final long PAGE = 50;

	private final TwilioRestClient client;
	private final OneShotHttpClient http;
	private final MessagingSettings.Twilio settings;

	TwilioChannel(TwilioRestClient client, OneShotHttpClient http, MessagingSettings.Twilio settings) {
		this.client = client;
		this.http = http;
		this.settings = settings;
	}

	@Override
	public String sender() {
		return usesService() ? settings.messagingServiceSid() : settings.fromNumber();
	}

	@Override
	public ChannelResult send(String to, String body) {
		MessageCreator creator = usesService()
				? Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), body)
				: Message.creator(new PhoneNumber(to), new PhoneNumber(settings.fromNumber()), body);
		return create(creator);
	}

	/**
	 * Reads the newest messages to the number (one page, newest first) and keeps the outbound ones
	 * with the same text created at or after {@code since}. A failed read answers empty: ask again
	 * later rather than risk sending twice.
	 */
	@Override
	public Optional<List<Accepted>> acceptedSince(MessageRecord message, Instant since) {
		try {
			Page<Message> newest = Message.reader().setTo(new PhoneNumber(message.to)).setPageSize(PAGE)
				.firstPage(client);
			return Optional.of(newest.getRecords().stream()
				.filter(found -> found.getDirection() != Message.Direction.INBOUND)
				.filter(found -> found.getDateCreated() != null && !found.getDateCreated().toInstant().isBefore(since))
				.filter(found -> message.body != null && message.body.equals(found.getBody()))
				.map(found -> new Accepted(found.getSid(), found.getStatus() == null ? "queued" : found.getStatus().toString()))
				.toList());
		}
		catch (RuntimeException ex) {
			// As for sending: the exception's message can quote the number, so it is not logged.
			return Optional.empty();
		}
	}

	@Override
	public String whatsAppSender() {
		return usesWhatsAppNumber() ? WhatsAppAddress.of(settings.whatsappFrom().trim())
				: usesService() ? settings.messagingServiceSid() : null;
	}

	@Override
	public ChannelResult sendWhatsApp(String to, WhatsAppContent content) {
		PhoneNumber recipient = new PhoneNumber(WhatsAppAddress.of(to));
		MessageCreator creator;
		if (usesWhatsAppNumber()) {
			creator = Message.creator(recipient, new PhoneNumber(WhatsAppAddress.of(settings.whatsappFrom().trim())),
					content.body());
		}
		else if (usesService()) {
			creator = Message.creator(recipient, settings.messagingServiceSid(), content.body());
		}
		else {
			return new Rejected(NO_WHATSAPP_SENDER);
		}
		if (content.isTemplate()) {
			creator.setContentSid(content.contentSid()).setContentVariables(content.variables());
		}
		return create(creator);
	}

	private ChannelResult create(MessageCreator creator) {
		if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank()) {
			creator.setStatusCallback(URI.create(settings.publicBaseUrl().replaceAll("/+$", "") + STATUS_PATH));
		}
		try {
			Message message = creator.create(client);
			return new Accepted(message.getSid(), message.getStatus() == null ? "queued" : message.getStatus().toString());
		}
		catch (ApiException ex) {
			// The exception's message can quote the number: only codes leave this class.
			if (ex.getStatusCode() == null) {
				return new Unavailable("unreachable", null); // no answer at all, e.g. a timeout
			}
			int status = ex.getStatusCode();
			String code = ex.getCode() == null ? "http-" + status : ex.getCode().toString();
			if (status == 429 || status >= 500) {
				return new Unavailable(code, http.retryAfter());
			}
			return new Rejected(code);
		}
		catch (ApiConnectionException ex) {
			return new Unavailable("unreachable", null);
		}
		catch (RuntimeException ex) {
			return new Unavailable("unreachable", null);
		}
	}

	private boolean usesWhatsAppNumber() {
		return settings.whatsappFrom() != null && !settings.whatsappFrom().isBlank();
	}

	private boolean usesService() {
		return settings.messagingServiceSid() != null && !settings.messagingServiceSid().isBlank();
	}

	/**
	 * The SDK's HTTP client without its built-in retries (it repeats 429 and 503 a few times on
	 * its own), remembering the last response's Retry-After for the calling thread.
	 */
	static class OneShotHttpClient extends NetworkHttpClient {

		private final ThreadLocal<Duration> retryAfter = new ThreadLocal<>();

		OneShotHttpClient(org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder) {
			super(builder);
		}

		@Override
		public Response reliableRequest(Request request) {
			return makeRequest(request);
		}

		@Override
		public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
			return makeRequest(request);
		}

		@Override
		public Response makeRequest(Request request) {
			retryAfter.remove();
			Response response = super.makeRequest(request);
			if (response != null && response.getHeaders() != null) {
				for (Header header : response.getHeaders()) {
					if ("Retry-After".equalsIgnoreCase(header.getName())) {
						retryAfter.set(parse(header.getValue()));
					}
				}
			}
			return response;
		}

		Duration retryAfter() {
			Duration value = retryAfter.get();
			retryAfter.remove();
			return value;
		}

		private static Duration parse(String value) {
			try {
				return Duration.ofSeconds(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				return null; // an HTTP date: the backoff decides instead
			}
		}
	}
}
