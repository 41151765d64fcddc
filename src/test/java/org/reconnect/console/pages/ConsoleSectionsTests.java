package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.reconnect.console.Caseload;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The Tools menu (Flows, Simulator) is for supervisors, and for every coach only while no Twilio
 * account is configured (the simulator stands in for it then).
 */
class ConsoleSectionsTests {

	static final Authentication COACH = new UsernamePasswordAuthenticationToken("jo", null,
			AuthorityUtils.createAuthorityList("ROLE_COACH"));

	static final Authentication SUPERVISOR = new UsernamePasswordAuthenticationToken("sam", null,
			AuthorityUtils.createAuthorityList("ROLE_SUPERVISOR"));

	static ConsoleSections sections(MockEnvironment environment) {
		return new ConsoleSections(environment,
				new CoachScope(Mockito.mock(Caseload.class, Mockito.CALLS_REAL_METHODS)));
	}

	@Test
	void withTwilioConfiguredOnlySupervisorsSeeTheTools() {
		ConsoleSections twilio = sections(new MockEnvironment()
			.withProperty("reconnect.messaging.twilio.account-sid", "AC123")
			.withProperty("reconnect.messaging.twilio.auth-token", "secret"));
		assertThat(twilio.tools(COACH)).isFalse();
		assertThat(twilio.tools(SUPERVISOR)).isTrue();
	}

	@Test
	void withoutTwilioEveryCoachSeesTheTools() {
		ConsoleSections simulator = sections(new MockEnvironment());
		assertThat(simulator.tools(COACH)).isTrue();
		assertThat(simulator.tools(SUPERVISOR)).isTrue();
	}
}
