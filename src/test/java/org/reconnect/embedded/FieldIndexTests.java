package org.reconnect.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded server's non-unique indexes must never change an answer: the same random writes go
 * to an indexed collection and to a plain one (which the server scans), and every random query
 * must find exactly the same documents in both, also after the file is opened again and the
 * indexes are rebuilt from it.
 */
class FieldIndexTests {

	private static final List<String> STATUSES = List.of("QUEUED", "SENT", "FAILED");
	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	@TempDir
	Path dir;

	@Test
	void indexedQueriesFindExactlyWhatAScanFinds() {
		Path file = dir.resolve("index.mv");
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Function<Random, Bson>> queries = List.of(
				r -> Filters.eq("status", pick(r, STATUSES)),
				r -> Filters.and(Filters.eq("status", "QUEUED"), Filters.lte("due", Date.from(T0.plusSeconds(r.nextInt(1000))))),
				r -> Filters.in("status", pick(r, STATUSES), pick(r, STATUSES)),
				r -> Filters.eq("owner", null),
				r -> Filters.eq("owner", "node-" + r.nextInt(3)),
				r -> Filters.gt("due", Date.from(T0.plusSeconds(r.nextInt(1000)))),
				r -> Filters.and(Filters.gte("due", Date.from(T0.plusSeconds(r.nextInt(500)))),
						Filters.lt("due", Date.from(T0.plusSeconds(500 + r.nextInt(500))))),
				r -> Filters.lte("count", r.nextInt(10)),
				r -> Filters.eq("count", r.nextInt(10)),
				r -> Filters.eq("tags", "t" + r.nextInt(4)),
				r -> Filters.and(Filters.eq("to", "+1202555000" + r.nextInt(10)), Filters.eq("status", "SENT")));

		MongoServer server = new MongoServer(new DurableH2Backend(MVStore.open(file.toString())));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			var db = client.getDatabase("reconnect");
			MongoCollection<Document> indexed = db.getCollection("indexed");
			MongoCollection<Document> plain = db.getCollection("plain");
			indexed.createIndex(Indexes.ascending("status", "priority"));
			indexed.createIndex(Indexes.ascending("due"), new IndexOptions().sparse(true));
			indexed.createIndex(Indexes.ascending("owner"));
			indexed.createIndex(Indexes.ascending("count"));
			indexed.createIndex(Indexes.ascending("tags"));
			indexed.createIndex(Indexes.ascending("to", "sentAt"));
			for (int step = 0; step < 600; step++) {
				write(random, indexed, plain);
				if (step % 4 == 0) {
					Bson query = pick(random, queries).apply(random);
					assertThat(ids(indexed, query)).as("seed %d, query %s", seed, query).isEqualTo(ids(plain, query));
				}
			}
		}
		finally {
			server.shutdownNow();
		}

		MongoServer reopened = new MongoServer(new DurableH2Backend(MVStore.open(file.toString())));
		try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
			var db = client.getDatabase("reconnect");
			for (int i = 0; i < 50; i++) {
				Bson query = pick(random, queries).apply(random);
				assertThat(ids(db.getCollection("indexed"), query)).as("after reopening, seed %d, query %s", seed, query)
					.isEqualTo(ids(db.getCollection("plain"), query));
			}
			assertThat(ids(db.getCollection("indexed"), Filters.in("status", STATUSES))).as("the data is there to be found")
				.isNotEmpty();
		}
		finally {
			reopened.shutdownNow();
		}
	}

	@Test
	void aUniqueKeyStaysUniqueAndFindableThroughUpdatesThatChangeItOrLeaveItAlone() {
		MongoServer server = new MongoServer(
				new DurableH2Backend(MVStore.open(dir.resolve("unique.mv").toString())));
		try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
			MongoCollection<Document> people = client.getDatabase("reconnect").getCollection("people");
			people.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "a").append("phone", "+12025550101").append("visits", 0));
			people.insertOne(new Document("_id", "b").append("phone", "+12025550102").append("visits", 0));

			people.updateOne(Filters.eq("_id", "a"), Updates.inc("visits", 1)); // the key left alone
			assertThat(ids(people, Filters.eq("phone", "+12025550101"))).containsExactly("a");

			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> people.updateOne(Filters.eq("_id", "a"), Updates.set("phone", "+12025550102")))
				.hasMessageContaining("duplicate key");
			assertThat(ids(people, Filters.eq("phone", "+12025550102"))).containsExactly("b");

			people.updateOne(Filters.eq("_id", "a"), Updates.set("phone", "+12025550103")); // the key moved
			assertThat(ids(people, Filters.eq("phone", "+12025550103"))).containsExactly("a");
			assertThat(ids(people, Filters.eq("phone", "+12025550101"))).isEmpty();
			people.insertOne(new Document("_id", "c").append("phone", "+12025550101"));
			assertThat(ids(people, Filters.in("phone", "+12025550101", "+12025550103"))).containsExactly("a", "c");
		}
		finally {
			server.shutdownNow();
		}
	}

	private static void write(Random random, MongoCollection<Document> indexed, MongoCollection<Document> plain) {
		String id = "m" + random.nextInt(300);
		int what = random.nextInt(10);
		if (what < 5) {
			Document document = new Document("_id", id).append("status", pick(random, STATUSES))
				.append("priority", random.nextInt(2))
				.append("to", "+1202555000" + random.nextInt(10))
				.append("count", random.nextBoolean() ? random.nextInt(10) : (long) random.nextInt(10));
			if (random.nextBoolean()) {
				document.append("due", Date.from(T0.plusSeconds(random.nextInt(1000))));
			}
			if (random.nextInt(3) == 0) {
				document.append("owner", random.nextBoolean() ? null : "node-" + random.nextInt(3));
			}
			if (random.nextInt(3) == 0) {
				document.append("tags", List.of("t" + random.nextInt(4), "t" + random.nextInt(4)));
			}
			if (random.nextInt(5) == 0) {
				document.append("due", new Document("nested", 1));
			}
			for (MongoCollection<Document> collection : List.of(indexed, plain)) {
				collection.deleteOne(Filters.eq("_id", id));
				collection.insertOne(document);
			}
		}
		else if (what < 9) {
			Bson update = random.nextBoolean() ? Updates.set("status", pick(random, STATUSES))
					: random.nextBoolean() ? Updates.set("owner", "node-" + random.nextInt(3))
							: Updates.combine(Updates.unset("owner"), Updates.set("due", Date.from(T0.plusSeconds(random.nextInt(1000)))));
			Bson filter = random.nextBoolean() ? Filters.eq("_id", id) : Filters.eq("status", pick(random, STATUSES));
			for (MongoCollection<Document> collection : List.of(indexed, plain)) {
				collection.updateMany(filter, update);
			}
		}
		else {
			for (MongoCollection<Document> collection : List.of(indexed, plain)) {
				collection.deleteOne(Filters.eq("_id", id));
			}
		}
	}

	private static Set<String> ids(MongoCollection<Document> collection, Bson query) {
		Set<String> ids = new TreeSet<>();
		collection.find(query).forEach(document -> ids.add(document.getString("_id")));
		return ids;
	}

	private static <T> T pick(Random random, List<T> values) {
		return new ArrayList<>(values).get(random.nextInt(values.size()));
	}
}
