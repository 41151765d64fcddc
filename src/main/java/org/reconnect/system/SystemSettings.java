package org.reconnect.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded stores keep their files.
 *
 * @param dataDir directory of the embedded MongoDB file and the Quartz H2 file
 * @param embeddedStoreCacheMb megabytes of the embedded MongoDB file kept in memory as documents;
 *        a read outside it decodes the whole page it is on
 */
@Validated
@ConfigurationProperties("reconnect")
public record SystemSettings(@DefaultValue("./data") Path dataDir,
		@DefaultValue("64") @jakarta.validation.constraints.Min(1) int embeddedStoreCacheMb) {
}
