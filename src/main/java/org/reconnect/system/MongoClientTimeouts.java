package org.reconnect.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.annotation.Validated;

/**
 * How long a request waits for MongoDB when no server answers. The driver's own default is 30
 * seconds, twice as long as Twilio waits for a webhook's answer: with it, a MongoDB outage turns
 * into webhooks that time out instead of a quick 503 that Twilio counts as a failure. A
 * {@code serverSelectionTimeoutMS} in the MongoDB URI still wins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoClientTimeouts.MongoSettings.class)
class MongoClientTimeouts {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	MongoClientSettingsBuilderCustomizer serverSelectionTimeout(MongoConnectionDetails connection,
			MongoSettings settings) {
		return builder -> {
			long millis = settings.serverSelectionTimeout().toMillis();
			if (connection.getConnectionString().getServerSelectionTimeout() == null) {
				builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
			}
			// nor longer for a pooled connection (the driver's default wait is two minutes)
			if (connection.getConnectionString().getMaxWaitTime() == null) {
				builder.applyToConnectionPoolSettings(pool -> pool.maxWaitTime(millis, TimeUnit.MILLISECONDS));
			}
		};
	}

	/**
	 * @param serverSelectionTimeout how long an operation waits for a reachable MongoDB server
	 * before it fails
	 */
	@Validated
	@ConfigurationProperties("reconnect.mongo")
	record MongoSettings(@DefaultValue("5s") Duration serverSelectionTimeout) {
	}
}
