package org.reconnect.scheduling;

import java.time.Clock;

import org.reconnect.system.handoff.DueClaims;
import org.reconnect.system.handoff.HandOffSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The hand-off of due check-ins and reminders, with scheduling's threads, batch and lease. */
@Configuration(proxyBeanMethods = false)
class HandOffConfiguration {

	@Bean
	DueClaims dueClaims(MongoTemplate mongo, SchedulingSettings settings, SchedulingMeters meters, Clock clock) {
		return new DueClaims(mongo,
				new HandOffSettings(settings.handOffThreads(), settings.handOffBatch(), settings.handOffLease()),
				meters::recovered, clock);
	}
}
