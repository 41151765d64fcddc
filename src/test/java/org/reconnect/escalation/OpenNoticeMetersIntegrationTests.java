package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.PrometheusScrape;
import org.reconnect.system.Masking;

import tools.jackson.databind.JsonNode;

/**
 * The figures the "crisis notice unacknowledged" alert rule (deploy/alerts.yml) reads: a crisis
 * notice nobody has acknowledged counts, its age grows with the clock, and acknowledging it takes
 * it out.
 */
class OpenNoticeMetersIntegrationTests extends LoopTestSupport {

	@Test
	void anUnacknowledgedCrisisNoticeShowsInTheMetricsUntilSomeoneAcknowledgesIt() {
		String stranger = "+12025550688";
		double openBefore = PrometheusScrape.read(coach()).sum("reconnect_notices_open", "kind", "crisis");

		sms(stranger, "i dont want to be alive anymore");
		clock.set(clock.instant().plus(Duration.ofMinutes(40)));

		PrometheusScrape waiting = PrometheusScrape.read(coach());
		assertThat(waiting.sum("reconnect_notices_open", "kind", "crisis")).isEqualTo(openBefore + 1);
		assertThat(waiting.sum("reconnect_notices_open_age_seconds", "kind", "crisis"))
			.as("the oldest open crisis notice has waited at least the 40 minutes the clock moved")
			.isGreaterThanOrEqualTo(40 * 60);

		JsonNode open = coach().getForObject("/api/attention?open=true", JsonNode.class);
		StreamSupport.stream(open.spliterator(), false)
			.filter(item -> Masking.phone(stranger).equals(item.path("maskedPhone").asText()))
			.forEach(item -> coach().postForEntity("/api/notices/" + item.get("id").asText() + "/acknowledgements", null,
					JsonNode.class));

		assertThat(PrometheusScrape.read(coach()).sum("reconnect_notices_open", "kind", "crisis")).isEqualTo(openBefore);
	}
}
