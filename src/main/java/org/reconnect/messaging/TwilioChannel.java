package org.reconnect.messaging;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/** SMS through Twilio's REST API, from a Messaging Service when one is set, else from a number. */
class TwilioChannel implements Channel {

	private final TwilioRestClient client;
	private final MessagingSettings.Twilio settings;

	TwilioChannel(TwilioRestClient client, MessagingSettings.Twilio settings) {
		this.client = client;
		this.settings = settings;
	}

	@Override
	public ChannelResult send(String to, String body) {
		MessageCreator creator = settings.messagingServiceSid() != null && !settings.messagingServiceSid().isBlank()
				? Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), body)
				: Message.creator(new PhoneNumber(to), new PhoneNumber(settings.fromNumber()), body);
		try {
			return new Accepted(creator.create(client).getSid());
		}
		catch (ApiException ex) {
			return new Rejected(ex.getCode() == null ? "http-" + ex.getStatusCode() : ex.getCode().toString(),
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			return new Rejected("unreachable", ex.getClass().getSimpleName());
		}
	}
}
