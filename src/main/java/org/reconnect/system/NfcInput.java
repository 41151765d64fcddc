package org.reconnect.system;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string the service reads from a request is Unicode NFC ({@link UnicodeText#nfc}), at the
 * boundary, so nothing behind it meets two spellings of one name: JSON bodies through Jackson (Boot
 * adds this module to its JsonMapper), form fields and request parameters through data binding.
 * A field that must stay byte for byte as sent (a password) says so with
 * {@code @JsonDeserialize(using = StringDeserializer.class)}. Twilio's webhooks read their
 * parameters themselves (the signature covers them as sent); inbound messages are cleaned later.
 */
@Configuration(proxyBeanMethods = false)
class NfcInput {

	@Bean
	JacksonModule nfcStrings() {
		SimpleModule module = new SimpleModule("nfc-strings");
		module.addDeserializer(String.class, new NfcStrings());
		return module;
	}

	/** Jackson's own string reading, then NFC. */
	static final class NfcStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			return UnicodeText.nfc(super.deserialize(parser, context));
		}
	}

	/** Form fields and parameters of every controller, console pages and API alike. */
	@ControllerAdvice
	static class Binding {

		@InitBinder
		void nfc(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

				@Override
				public void setAsText(String text) {
					setValue(UnicodeText.nfc(text));
				}

				@Override
				public String getAsText() {
					Object value = getValue();
					return value == null ? "" : value.toString();
				}
			});
		}
	}
}
