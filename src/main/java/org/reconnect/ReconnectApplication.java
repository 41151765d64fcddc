package org.reconnect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reconnect: daily check-ins, reminders and kind alerts for people in recovery. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReconnectApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReconnectApplication.class, args);
	}
}
