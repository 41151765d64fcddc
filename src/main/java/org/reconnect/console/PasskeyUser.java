package org.reconnect.console;

import java.io.Serializable;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

/**
 * The coach a passkey signed in, as kept in their session: Spring Security 7.0's own user entity is
 * not serializable, and sessions live in the shared SQL store.
 */
record PasskeyUser(String name, Bytes id, String displayName) implements PublicKeyCredentialUserEntity, Serializable {

	static PasskeyUser of(PublicKeyCredentialUserEntity user) {
		return user == null ? null : new PasskeyUser(user.getName(), user.getId(), user.getDisplayName());
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public Bytes getId() {
		return id;
	}

	@Override
	public String getDisplayName() {
		return displayName;
	}
}
