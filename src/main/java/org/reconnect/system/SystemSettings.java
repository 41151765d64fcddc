package org.reconnect.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded stores keep their files, and what they may be used for.
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
 */
@Validated
@ConfigurationProperties("reconnect")
public record SystemSettings(@DefaultValue("./data") Path dataDir,
		@DefaultValue("64") @jakarta.validation.constraints.Min(1) int embeddedStoreCacheMb,
		@DefaultValue("false") boolean embeddedStorePilot, @DefaultValue("false") boolean embeddedQuartzShared) {
}
