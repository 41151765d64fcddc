package org.reconnect.console;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Coaches' passkeys in MongoDB, so they survive a restart and work on every node: the WebAuthn
 * user handle of each coach, and each registered credential (public key, signature counter).
 * Byte strings are kept base64url-encoded.
 */
@Component
class PasskeyStore implements PublicKeyCredentialUserEntityRepository, UserCredentialRepository {

	private final MongoTemplate mongo;

	PasskeyStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	// --- the coach as a WebAuthn user

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		PasskeyUser user = mongo.findById(id.toBase64UrlString(), PasskeyUser.class);
		return user == null ? null : user.entity();
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		PasskeyUser user = mongo.findOne(Query.query(Criteria.where("username").is(username)), PasskeyUser.class);
		return user == null ? null : user.entity();
	}

	@Override
	public void save(PublicKeyCredentialUserEntity entity) {
		mongo.save(new PasskeyUser(entity.getId().toBase64UrlString(), entity.getName(), entity.getDisplayName()));
	}

	@Override
	public void delete(Bytes id) {
		String key = id.toBase64UrlString();
		// the same Bytes type names a user handle or a credential id; each id is random, so at most one matches
		mongo.remove(Query.query(Criteria.where("_id").is(key)), PasskeyUser.class);
		mongo.remove(Query.query(Criteria.where("_id").is(key)), PasskeyCredential.class);
	}

	// --- credentials

	@Override
	public void save(CredentialRecord record) {
		mongo.save(PasskeyCredential.of(record));
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		PasskeyCredential credential = mongo.findById(credentialId.toBase64UrlString(), PasskeyCredential.class);
		return credential == null ? null : credential.record();
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return mongo.find(Query.query(Criteria.where("userId").is(userId.toBase64UrlString())), PasskeyCredential.class)
			.stream()
			.map(PasskeyCredential::record)
			.toList();
	}

	@Document("passkey_users")
	record PasskeyUser(@Id String id, @Indexed(unique = true) String username, String displayName) {

		PublicKeyCredentialUserEntity entity() {
			return ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(id))
				.name(username)
				.displayName(displayName)
				.build();
		}
	}

	@Document("passkey_credentials")
	record PasskeyCredential(@Id String id, @Indexed String userId, String type, String publicKey, long signatureCount,
			boolean uvInitialized, Set<String> transports, boolean backupEligible, boolean backupState,
			String attestationObject, String attestationClientDataJson, String label, Instant created,
			Instant lastUsed) {

		static PasskeyCredential of(CredentialRecord record) {
			Set<String> transports = new HashSet<>();
			if (record.getTransports() != null) {
				record.getTransports().forEach(t -> transports.add(t.getValue()));
			}
			return new PasskeyCredential(record.getCredentialId().toBase64UrlString(),
					record.getUserEntityUserId().toBase64UrlString(), record.getCredentialType().getValue(),
					new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
					record.getSignatureCount(), record.isUvInitialized(), transports, record.isBackupEligible(),
					record.isBackupState(), encode(record.getAttestationObject()),
					encode(record.getAttestationClientDataJSON()), record.getLabel(), record.getCreated(),
					record.getLastUsed());
		}

		CredentialRecord record() {
			Set<AuthenticatorTransport> transportSet = new HashSet<>();
			if (transports != null) {
				transports.forEach(t -> transportSet.add(AuthenticatorTransport.valueOf(t)));
			}
			return ImmutableCredentialRecord.builder()
				.credentialId(Bytes.fromBase64(id))
				.userEntityUserId(Bytes.fromBase64(userId))
				.credentialType(PublicKeyCredentialType.valueOf(type))
				.publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(publicKey).getBytes()))
				.signatureCount(signatureCount)
				.uvInitialized(uvInitialized)
				.transports(transportSet)
				.backupEligible(backupEligible)
				.backupState(backupState)
				.attestationObject(decode(attestationObject))
				.attestationClientDataJSON(decode(attestationClientDataJson))
				.label(label)
				.created(created)
				.lastUsed(lastUsed)
				.build();
		}

		private static String encode(Bytes bytes) {
			return bytes == null ? null : bytes.toBase64UrlString();
		}

		private static Bytes decode(String value) {
			return value == null ? null : Bytes.fromBase64(value);
		}
	}
}
