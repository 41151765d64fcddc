package org.reconnect.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store's planner finds a document by its id whatever else a query names, so domain
 * code declares no index for it: a versioned save or a claim ({@code {_id, version}}, as every
 * reminder's compare-and-set) reads one document, not the collection, with only the {@code _id}
 * index there; and the answer stays the one a scan would give.
 */
class QueryPlanTests {

	private static final int REMINDERS = 200;

	@TempDir
	Path dir;

	private DurableH2Backend backend;
	private MongoServer server;
	private MongoClient client;
	private MongoCollection<Document> reminders;

	@BeforeEach
	void start() {
		backend = new DurableH2Backend(MVStore.open(dir.resolve("plan.mv").toString()));
		server = new MongoServer(backend);
		client = MongoClients.create(server.bindAndGetConnectionString());
		reminders = client.getDatabase("reconnect").getCollection("reminders");
		for (int i = 0; i < REMINDERS; i++) {
			reminders.insertOne(new Document("_id", "r" + i).append("version", 1L).append("status", "ACTIVE"));
		}
	}

	@AfterEach
	void stop() {
		client.close();
		server.shutdownNow();
	}

	@Test
	void aVersionedClaimIsLookedUpByItsIdWithNoIndexOfItsOwn() {
		assertThat(reminders.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
			.as("only the id index").containsExactly("_id_");

		assertThat(candidates(query("_id", "r7", "version", 1L))).as("{_id, version}").hasSize(1);
		assertThat(candidates(query("_id", "r7", "status", "ACTIVE", "version", 1L))).hasSize(1);
		assertThat(candidates(query("_id", query("$in", List.of("r1", "r2", "r3")), "version", 1L)))
			.as("a batch of claims").hasSize(3);
		assertThat(candidates(query("_id", "nobody", "version", 1L))).isEmpty();
		assertThat(candidates(query("version", 1L))).as("no index can answer: a scan").isNull();
	}

	@Test
	void aCompareAndSetByIdAndVersionGoesOnceAndAStaleOneChangesNothing() {
		var claim = Filters.and(Filters.eq("_id", "r42"), Filters.eq("version", 1L));
		assertThat(reminders.updateOne(claim, Updates.inc("version", 1L)).getModifiedCount()).isEqualTo(1);
		assertThat(reminders.updateOne(claim, Updates.inc("version", 1L)).getModifiedCount()).as("stale").isZero();
		assertThat(reminders.find(Filters.eq("_id", "r42")).first().getLong("version")).isEqualTo(2L);
		assertThat(reminders.countDocuments(Filters.eq("version", 1L))).as("the others untouched").isEqualTo(REMINDERS - 1);
	}

	@Test
	void theNarrowestIndexAnswersWhenNoIdIsNamed() {
		reminders.createIndex(Indexes.ascending("status"));
		reminders.updateOne(Filters.eq("_id", "r5"), Updates.set("status", "PAUSED"));

		assertThat(candidates(query("status", "PAUSED"))).hasSize(1);
		assertThat(reminders.find(Filters.eq("status", "PAUSED")).map(d -> d.getString("_id")).into(new ArrayList<>()))
			.containsExactly("r5");
	}

	/** The documents the planner would match the query on; null for a scan of the collection. */
	private List<Object> candidates(de.bwaldvogel.mongo.bson.Document query) {
		IdLookupCollection collection = (IdLookupCollection) backend.resolveDatabase("reconnect")
			.resolveCollection("reminders", false);
		Iterable<Object> positions = collection.candidates(query);
		if (positions == null) {
			return null;
		}
		List<Object> list = new ArrayList<>();
		positions.forEach(list::add);
		return list;
	}

	/** A query as the server receives it. */
	private static de.bwaldvogel.mongo.bson.Document query(Object... keysAndValues) {
		de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			query.append((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return query;
	}
}
