package org.reconnect.console;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps a passkey registration's options in the coach's session between the two requests of the
 * ceremony. Sessions live in the shared SQL store, which needs a serializable value, and Spring
 * Security 7.0's {@link PublicKeyCredentialCreationOptions} is not serializable (spring-security
 * issue 16431): this keeps a serializable copy of its fields and rebuilds the options from it, with
 * the algorithms as Spring Security's own constants, which webauthn4j's check compares by identity
 * (spring-security issue 17164). Drop it once Spring Security's class is serializable.
 */
class PasskeyRegistrations implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = PasskeyRegistrations.class.getName() + ".options";

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	private static final List<UserVerificationRequirement> VERIFICATIONS = List.of(UserVerificationRequirement.DISCOURAGED,
			UserVerificationRequirement.PREFERRED, UserVerificationRequirement.REQUIRED);

	/** The options' fields, each serializable. */
	record Saved(String rpId, String rpName, String userName, Bytes userId, String userDisplayName, Bytes challenge,
			List<Long> algorithms, Duration timeout, List<PublicKeyCredentialDescriptor> excludeCredentials,
			String attachment, String residentKey, String userVerification, String attestation,
			AuthenticationExtensionsClientInputs extensions) implements Serializable {

		static Saved of(PublicKeyCredentialCreationOptions options) {
			AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
			return new Saved(options.getRp().getId(), options.getRp().getName(), options.getUser().getName(),
					options.getUser().getId(), options.getUser().getDisplayName(), options.getChallenge(),
					options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(), options.getTimeout(),
					options.getExcludeCredentials() == null ? null : List.copyOf(options.getExcludeCredentials()),
					selection == null || selection.getAuthenticatorAttachment() == null ? null
							: selection.getAuthenticatorAttachment().getValue(),
					selection == null || selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
					selection == null || selection.getUserVerification() == null ? null
							: selection.getUserVerification().getValue(),
					options.getAttestation() == null ? null : options.getAttestation().getValue(), options.getExtensions());
		}

		PublicKeyCredentialCreationOptions options() {
			AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder();
			if (attachment != null) {
				selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
			}
			if (residentKey != null) {
				selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
			}
			if (userVerification != null) {
				selection.userVerification(VERIFICATIONS.stream()
					.filter(v -> v.getValue().equals(userVerification))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("unknown user verification " + userVerification)));
			}
			return PublicKeyCredentialCreationOptions.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder().name(userName).id(userId).displayName(userDisplayName)
					.build())
				.challenge(challenge)
				.pubKeyCredParams(algorithms.stream().map(Saved::algorithm).toList())
				.timeout(timeout)
				.excludeCredentials(excludeCredentials)
				.authenticatorSelection(selection.build())
				.attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
				.extensions(extensions)
				.build();
		}

		private static PublicKeyCredentialParameters algorithm(long alg) {
			return ALGORITHMS.stream()
				.filter(p -> p.getAlg().getValue() == alg)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("unknown COSE algorithm " + alg));
		}
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
		request.getSession().setAttribute(ATTRIBUTE, options == null ? null : Saved.of(options));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object saved = session == null ? null : session.getAttribute(ATTRIBUTE);
		return saved instanceof Saved options ? options.options() : null;
	}
}
