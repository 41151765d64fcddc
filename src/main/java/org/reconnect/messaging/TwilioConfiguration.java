package org.reconnect.messaging;

import java.net.URI;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.twilio.http.TwilioRestClient;

/** The real Twilio account, used when its credentials are configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(TwilioConfigured.class)
class TwilioConfiguration {

	@Bean
	TwilioChannel.OneShotHttpClient twilioHttpClient(MessagingSettings settings) {
		MessagingSettings.Twilio twilio = settings.twilio();
		Timeout timeout = Timeout.of(settings.outbox().requestTimeout());
		HttpClientBuilder http = HttpClientBuilder.create()
			.setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).build())
				.setMaxConnTotal(50)
				.setMaxConnPerRoute(50)
				.build())
			.disableAutomaticRetries();
		if (twilio.apiBaseUrl() != null && !twilio.apiBaseUrl().isBlank()) {
			// The SDK has no base-URL setting: route every request to the given host instead
			// (STACK.md trap 4); the SDK's own encoding and authentication stay unchanged.
			URI base = URI.create(twilio.apiBaseUrl());
			http.setRoutePlanner(new FixedRoute(new HttpHost(base.getScheme(), base.getHost(), base.getPort())));
		}
		return new TwilioChannel.OneShotHttpClient(http);
	}

	@Bean
	TwilioRestClient twilioRestClient(MessagingSettings settings, TwilioChannel.OneShotHttpClient http) {
		MessagingSettings.Twilio twilio = settings.twilio();
		return new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken()).httpClient(http).build();
	}

	@Bean
	TwilioChannel twilioChannel(TwilioRestClient client, TwilioChannel.OneShotHttpClient http, MessagingSettings settings) {
		return new TwilioChannel(client, http, settings.twilio());
	}

	private record FixedRoute(HttpHost host) implements HttpRoutePlanner {

		@Override
		public HttpRoute determineRoute(HttpHost target, HttpContext context) {
			return new HttpRoute(host);
		}
	}
}
