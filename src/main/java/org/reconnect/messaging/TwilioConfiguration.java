package org.reconnect.messaging;

import java.net.URI;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;

/** The real Twilio account, used when its credentials are configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(TwilioConfigured.class)
class TwilioConfiguration {

	@Bean
	TwilioRestClient twilioRestClient(MessagingSettings settings) {
		MessagingSettings.Twilio twilio = settings.twilio();
		TwilioRestClient.Builder builder = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
		if (twilio.apiBaseUrl() != null && !twilio.apiBaseUrl().isBlank()) {
			// The SDK has no base-URL setting: route every request to the given host instead
			// (STACK.md trap 4); the SDK's own encoding and authentication stay unchanged.
			URI base = URI.create(twilio.apiBaseUrl());
			HttpHost host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
			builder.httpClient(new NetworkHttpClient(HttpClientBuilder.create().setRoutePlanner(new FixedRoute(host))));
		}
		return builder.build();
	}

	@Bean
	Channel twilioChannel(TwilioRestClient client, MessagingSettings settings) {
		return new TwilioChannel(client, settings.twilio());
	}

	private record FixedRoute(HttpHost host) implements HttpRoutePlanner {

		@Override
		public HttpRoute determineRoute(HttpHost target, HttpContext context) {
			return new HttpRoute(host);
		}
	}
}
