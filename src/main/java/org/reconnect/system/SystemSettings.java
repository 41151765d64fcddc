package org.reconnect.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * Where the embedded stores (module embedded) keep their files and what they may be used for, the
 * address the service is reached at, and how phone numbers are read.
 *
 * @param dataDir directory of the embedded MongoDB file and the Quartz H2 file; created readable by
 *        its owner only
 * @param embeddedStoreCacheMb megabytes of the embedded MongoDB file kept in memory as documents;
 *        a read outside it decodes the whole page it is on
 * @param embeddedStorePilot whether the embedded MongoDB-wire store may hold real people's data
 *        (a Twilio account configured): a small pilot's choice, since it has no authentication,
 *        replication or backups
 * @param embeddedQuartzShared whether Quartz's embedded H2 file is opened so that another node on
 *        this machine can share it (a TCP port on loopback, a generated password); otherwise it is
 *        in-process only, with no port at all
 * @param publicBaseUrl the address people and Twilio reach the service at, e.g.
 *        https://reconnect.example.org: private links (web chat, calendar feeds) are built on it,
 *        never on a request's Host header; required in production; empty: http://localhost and
 *        this server's port ({@link PublicLinks})
 * @param defaultRegion the region (ISO 3166 code) whose numbers may be written without a + and
 *        country code ({@link PhoneNumbers})
 */
@Validated
@ConfigurationProperties("reconnect")
public record SystemSettings(@DefaultValue("./data") Path dataDir,
		@DefaultValue("64") @jakarta.validation.constraints.Min(1) int embeddedStoreCacheMb,
		@DefaultValue("false") boolean embeddedStorePilot, @DefaultValue("false") boolean embeddedQuartzShared,
		@Pattern(regexp = "(https?://[^/?#\\s]+(/[^?#\\s]*)?)?",
				message = "must be an http or https address with no query, e.g. https://reconnect.example.org") String publicBaseUrl,
		@DefaultValue("US") String defaultRegion) {
}
