package org.reconnect.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Starts an in-process MongoDB-wire-protocol server on a file under the data directory when no
 * MongoDB URI is configured, so the service runs with no other software installed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(SystemSettings settings) throws IOException {
		Files.createDirectories(settings.dataDir());
		Path file = settings.dataDir().resolve("mongo.mv");
		MongoServer server = new MongoServer(new DurableH2Backend(MVStore.open(file.toString())));
		server.bind("127.0.0.1", 0);
		log.info("Embedded MongoDB-wire server on {} with its data in {}", server.getLocalAddress(), file);
		return server;
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connection = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/reconnect");
		return () -> connection;
	}

	/**
	 * The H2 MVStore commits on its own only about once a second; this backend commits after
	 * every command that writes, before the client is answered, so an acknowledged write is on
	 * disk even if the process dies the next moment.
	 */
	static final class DurableH2Backend extends H2Backend {

		private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
				"createindexes", "dropindexes", "drop", "create", "renamecollection", "dropdatabase");

		DurableH2Backend(MVStore store) {
			super(store);
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			Document response = super.handleCommand(channel, databaseName, command, query);
			if (WRITES.contains(command.toLowerCase())) {
				commit();
			}
			return response;
		}
	}
}
