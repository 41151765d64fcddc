package org.reconnect.flows;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where flows come from.
 *
 * @param directory the folder of flow YAML files
 * @param checkInFlow the flow a daily check-in starts
 */
@Validated
@ConfigurationProperties("reconnect.flows")
public record FlowSettings(@DefaultValue("conversation-flows") Path directory,
		@DefaultValue("daily-checkin") String checkInFlow) {
}
