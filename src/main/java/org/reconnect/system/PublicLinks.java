package org.reconnect.system;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the private links the service hands out (a web chat, a calendar feed) on the configured
 * public address ({@code reconnect.public-base-url}), never on the request's Host header, which
 * whoever sends the request chooses. Without the setting (development only: the production profile
 * requires it) links point at http://localhost on this server's port.
 */
@Component
public class PublicLinks {

	private static final Logger log = LoggerFactory.getLogger(PublicLinks.class);

	private final String base;
	private final Environment environment;

	PublicLinks(SystemSettings settings, Environment environment) {
		String configured = settings.publicBaseUrl();
		this.base = configured == null || configured.isBlank() ? null : configured.strip().replaceAll("/+$", "");
		this.environment = environment;
		if (base == null) {
			log.info("reconnect.public-base-url (RECONNECT_PUBLIC_BASE_URL) is not set: private links point at "
					+ "http://localhost; set it to the address people reach this service at");
		}
	}

	/** The absolute link to {@code path}, a template whose {@code {variables}} are filled in order and encoded. */
	public URI link(String path, Object... variables) {
		return UriComponentsBuilder.fromUriString(base()).path(path).buildAndExpand(variables).encode().toUri();
	}

	private String base() {
		if (base != null) {
			return base;
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}
}
