package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * An acknowledged write must be in the file before the client hears "ok": the file is copied the
 * moment the insert returns, as a crash would leave it, and the copy is opened on its own.
 */
class EmbeddedMongoDurabilityTests {

	@TempDir
	Path dir;

	@Test
	void anAcknowledgedWriteIsOnDiskBeforeTheClientHearsOk() throws Exception {
		Path file = dir.resolve("mongo.mv");
		MongoServer server = new MongoServer(new EmbeddedMongoConfiguration.DurableH2Backend(MVStore.open(file.toString())));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			client.getDatabase("reconnect").getCollection("participants").insertOne(new Document("_id", "p1"));
			Path crashed = dir.resolve("crashed.mv");
			Files.copy(file, crashed);

			MongoServer reopened = new MongoServer(new H2Backend(crashed.toString()));
			try (MongoClient after = MongoClients.create(reopened.bindAndGetConnectionString())) {
				assertThat(after.getDatabase("reconnect").getCollection("participants").countDocuments()).isEqualTo(1);
			}
			finally {
				reopened.shutdownNow();
			}
		}
		finally {
			server.shutdownNow();
		}
	}
}
