package org.reconnect.messaging;

/**
 * What carries a WhatsApp message: Twilio's Messages API, or the simulator. It sends what it is
 * given; {@link WhatsAppChannel} decides between free-form text and a template.
 */
interface WhatsAppCarrier {

	/** The WhatsApp sender whose pace is limited, or null. */
	String whatsAppSender();

	/**
	 * @param to the recipient in E.164 (the carrier adds the whatsapp: prefix)
	 * @param content free-form text, or a template with its variables
	 */
	Channel.ChannelResult sendWhatsApp(String to, WhatsAppContent content);

	/**
	 * @param body free-form text, or null for a template
	 * @param contentSid the approved template (HX...), or null for free-form text
	 * @param variables the template's variables as JSON, e.g. {"1":"Sam"}
	 */
	record WhatsAppContent(String body, String contentSid, String variables) {

		static WhatsAppContent text(String body) {
			return new WhatsAppContent(body, null, null);
		}

		static WhatsAppContent template(String contentSid, String variables) {
			return new WhatsAppContent(null, contentSid, variables);
		}

		boolean isTemplate() {
			return contentSid != null;
		}
	}
}
