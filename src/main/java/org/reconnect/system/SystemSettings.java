package org.reconnect.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * Where the embedded stores keep their files, and the address the service is reached at.
 *
 * @param dataDir directory of the embedded MongoDB file and the Quartz H2 file
 * @param embeddedStoreCacheMb megabytes of the embedded MongoDB file kept in memory as documents;
 *        a read outside it decodes the whole page it is on
 * @param publicBaseUrl the address people and Twilio reach the service at, e.g.
 *        https://reconnect.example.org: private links (web chat, calendar feeds) are built on it,
 *        never on a request's Host header; required in production; empty: http://localhost and
 *        this server's port ({@link PublicLinks})
 */
@Validated
@ConfigurationProperties("reconnect")
public record SystemSettings(@DefaultValue("./data") Path dataDir,
		@DefaultValue("64") @jakarta.validation.constraints.Min(1) int embeddedStoreCacheMb,
		@Pattern(regexp = "(https?://[^/?#\\s]+(/[^?#\\s]*)?)?",
				message = "must be an http or https address with no query, e.g. https://reconnect.example.org") String publicBaseUrl) {
}
