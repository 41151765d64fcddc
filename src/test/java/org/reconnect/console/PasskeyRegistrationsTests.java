package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * A passkey registration starts on one request and ends on the next, perhaps on the other node: its
 * options go through the session store's Java serialization (as Spring Session JDBC writes them) and
 * come back as Spring Security checks them, the algorithms as its own constants.
 */
class PasskeyRegistrationsTests {

	@Test
	void theOptionsSurviveTheSharedSessionStore() {
		PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id("localhost").name("Reconnect").build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder().name("coach").id(Bytes.random()).displayName("coach")
				.build())
			.challenge(Bytes.random())
			.pubKeyCredParams(List.of(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256))
			.timeout(Duration.ofMinutes(5))
			.excludeCredentials(List.of(PublicKeyCredentialDescriptor.builder().id(Bytes.random()).build()))
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.userVerification(UserVerificationRequirement.PREFERRED)
				.build())
			.attestation(AttestationConveyancePreference.NONE)
			.extensions(new ImmutableAuthenticationExtensionsClientInputs(
					ImmutableAuthenticationExtensionsClientInput.credProps))
			.build();
		MockHttpServletRequest first = new MockHttpServletRequest();
		new PasskeyRegistrations().save(first, new MockHttpServletResponse(), options);
		Object stored = first.getSession().getAttribute(PasskeyRegistrations.ATTRIBUTE);
		MockHttpServletRequest next = new MockHttpServletRequest();
		next.getSession().setAttribute(PasskeyRegistrations.ATTRIBUTE,
				new DeserializingConverter().convert(new SerializingConverter().convert(stored)));

		PublicKeyCredentialCreationOptions loaded = new PasskeyRegistrations().load(next);

		assertThat(loaded.getChallenge()).isEqualTo(options.getChallenge());
		assertThat(loaded.getUser().getId()).isEqualTo(options.getUser().getId());
		assertThat(loaded.getUser().getName()).isEqualTo("coach");
		assertThat(loaded.getRp().getId()).isEqualTo("localhost");
		assertThat(loaded.getPubKeyCredParams()).containsExactly(PublicKeyCredentialParameters.EdDSA,
				PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256);
		assertThat(loaded.getPubKeyCredParams().get(1)).isSameAs(PublicKeyCredentialParameters.ES256);
		assertThat(loaded.getTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(loaded.getExcludeCredentials()).hasSize(1);
		assertThat(loaded.getExcludeCredentials().get(0).getId()).isEqualTo(options.getExcludeCredentials().get(0).getId());
		assertThat(loaded.getAuthenticatorSelection().getResidentKey().getValue()).isEqualTo("required");
		assertThat(loaded.getAuthenticatorSelection().getUserVerification()).isSameAs(UserVerificationRequirement.PREFERRED);
		assertThat(loaded.getAttestation().getValue()).isEqualTo("none");
		assertThat(loaded.getExtensions().getInputs()).extracting(i -> i.getExtensionId()).containsExactly("credProps");
	}

	@Test
	void nothingSavedLoadsNothing() {
		assertThat(new PasskeyRegistrations().load(new MockHttpServletRequest())).isNull();
	}
}
