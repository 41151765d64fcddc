package org.reconnect.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded stores keep their files.
 *
 * @param dataDir directory of the embedded MongoDB file and the Quartz H2 file
 */
@Validated
@ConfigurationProperties("reconnect")
public record SystemSettings(@DefaultValue("./data") Path dataDir) {
}
