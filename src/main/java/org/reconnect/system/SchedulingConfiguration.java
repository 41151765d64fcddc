package org.reconnect.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's own scheduler, for light in-process polling (e.g. flow files). Work that must happen
 * once across nodes and survive restarts goes through Quartz instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
