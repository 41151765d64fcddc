package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnect.MutableClock;
import org.reconnect.ReconnectApplication;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Quartz on a real PostgreSQL, as in production: the schema is created on the first start and
 * left alone on the next (Quartz's own script would drop every table), and a check-in slot's
 * trigger written by one start is there for the next.
 */
class QuartzPostgresIntegrationTests {

	private static EmbeddedPostgres postgres;

	@TempDir
	Path dataDir;

	@BeforeAll
	static void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		postgres.close();
	}

	@Test
	void theSchemaIsCreatedOnceAndTriggersSurviveARestart() {
		MutableClock clock = new MutableClock(Instant.parse("2030-03-08T16:00:00Z"));
		try (ConfigurableApplicationContext first = start(clock)) {
			first.getBean(ParticipantService.class)
				.enrol(new EnrolParticipant("Sam", "+12025550175", "America/New_York", "09:00", "en"), "coach");
			assertThat(slotTriggers(first)).isEqualTo(1);
		}
		try (ConfigurableApplicationContext second = start(clock)) {
			assertThat(slotTriggers(second)).as("the second start kept the first one's trigger").isEqualTo(1);
			Map<String, Object> trigger = new JdbcTemplate(postgres.getPostgresDatabase())
				.queryForMap("select trigger_name, next_fire_time from qrtz_triggers where trigger_group = 'check-in-slots'");
			assertThat(trigger.get("trigger_name")).isEqualTo("America/New_York@09:00");
			assertThat(((Number) trigger.get("next_fire_time")).longValue())
				.isEqualTo(Instant.parse("2030-03-09T14:00:00Z").toEpochMilli());
		}
	}

	private static int slotTriggers(ConfigurableApplicationContext context) {
		return new JdbcTemplate(postgres.getPostgresDatabase())
			.queryForObject("select count(*) from qrtz_triggers where trigger_group = 'check-in-slots'", Integer.class);
	}

	private ConfigurableApplicationContext start(MutableClock clock) {
		return new SpringApplicationBuilder(ReconnectApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
			.run("--server.port=0", "--spring.quartz.auto-startup=false",
					"--spring.quartz.properties.org.quartz.scheduler.instanceName=postgres-tests", "--reconnect.data-dir=" + dataDir,
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--reconnect.console.initial-coach.password=pg-pass-2030", "--reconnect.messaging.twilio.account-sid=",
					"--reconnect.messaging.twilio.auth-token=");
	}
}
