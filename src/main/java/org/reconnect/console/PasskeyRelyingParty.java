package org.reconnect.console;

import java.util.Set;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * The passkeys' relying party: Spring Security's WebAuthn ceremonies (checked by webauthn4j) over
 * the coaches' {@link PasskeyStore}. Spring Security uses this bean instead of building its own.
 * <p>
 * The browser reports the page's origin, which must be one the relying party accepts. With
 * {@code reconnect.console.passkeys.origins} set, those; when it is empty, this server's own
 * address on the relying party's domain (e.g. http://localhost:8080), read once the server listens,
 * so the port it really got counts (another SERVER_PORT, or a test server's random port).
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

	private final PasskeyStore store;
	private final ConsoleSettings.Passkeys settings;
	private volatile Webauthn4JRelyingPartyOperations ceremonies;

	PasskeyRelyingParty(PasskeyStore store, ConsoleSettings settings) {
		this.store = store;
		this.settings = settings.passkeys();
		this.ceremonies = ceremonies(origins(this.settings, null));
	}

	/** The console's own server (not a separate management port) is listening: its origin is known. */
	@EventListener
	void on(WebServerInitializedEvent started) {
		if (started.getApplicationContext().getServerNamespace() == null) {
			ceremonies = ceremonies(origins(settings, started.getWebServer().getPort()));
		}
	}

	/** The configured origins, or this server's own on the relying party's domain once its port is known. */
	static Set<String> origins(ConsoleSettings.Passkeys settings, Integer port) {
		if (!settings.origins().isEmpty() || port == null) {
			return settings.origins();
		}
		return Set.of("http://" + settings.rpId() + ":" + port, "https://" + settings.rpId() + ":" + port);
	}

	private Webauthn4JRelyingPartyOperations ceremonies(Set<String> origins) {
		return new Webauthn4JRelyingPartyOperations(store, store,
				PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build(), origins);
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return ceremonies.createPublicKeyCredentialCreationOptions(request);
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		return ceremonies.registerCredential(request);
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return ceremonies.createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		// kept in the session (the shared store): a serializable copy
		return PasskeyUser.of(ceremonies.authenticate(request));
	}
}
