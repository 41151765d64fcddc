package org.reconnect.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.reconnect.system.SimulatorMode;
import org.reconnect.system.SystemSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Starts an in-process MongoDB-wire-protocol server on a file under the data directory when no
 * MongoDB URI is configured, so the service runs with no other software installed. The server
 * cannot authenticate anyone, so it listens on loopback only and its file is owner-only; it has no
 * replication and no backups either, so with a Twilio account configured (real people's data) the
 * service refuses to start on it unless a small pilot says it accepts that.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	static final String REAL_PEOPLE_REFUSED = "A Twilio account is configured, so this service would hold real "
			+ "people's names, numbers and messages, but MongoDB is the embedded store: it has no authentication "
			+ "(any process on this machine can read it over loopback), no replication and no backups. Set "
			+ "spring.mongodb.uri (environment SPRING_MONGODB_URI) to a MongoDB replica set, or, for a "
			+ "small pilot that accepts those limits, set reconnect.embedded-store-pilot=true "
			+ "(RECONNECT_EMBEDDEDSTOREPILOT).";

	@Bean
	EmbeddedStoreFile embeddedStore(SystemSettings settings, Environment environment) throws IOException {
		if (!SimulatorMode.active(environment) && !settings.embeddedStorePilot()) {
			throw new IllegalStateException(REAL_PEOPLE_REFUSED);
		}
		Path file = OwnerOnly.directory(settings.dataDir()).resolve("mongo.mv");
		DurableH2Backend backend = new DurableH2Backend(
				new MVStore.Builder().fileName(file.toString()).cacheSize(settings.embeddedStoreCacheMb()).open());
		OwnerOnly.file(file);
		if (!SimulatorMode.active(environment)) {
			log.warn("Real people's data on the embedded MongoDB-wire store (reconnect.embedded-store-pilot): no "
					+ "authentication, replication or backups; back up {} yourself", file);
		}
		return new EmbeddedStoreFile(backend, file);
	}

	/** Closes the store when it stops (shutdownNow closes its backend). */
	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedStoreFile store) {
		MongoServer server = new MongoServer(store.backend());
		// the server cannot authenticate anyone: only this machine may reach it
		server.bind(InetAddress.getLoopbackAddress().getHostAddress(), 0);
		if (!server.getLocalAddress().getAddress().isLoopbackAddress()) {
			server.shutdownNow();
			throw new IllegalStateException("the embedded MongoDB-wire server did not bind to loopback");
		}
		log.info("Embedded MongoDB-wire server on {} with its data in {}", server.getLocalAddress(), store.file());
		return server;
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connection = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/reconnect");
		return () -> connection;
	}
}
