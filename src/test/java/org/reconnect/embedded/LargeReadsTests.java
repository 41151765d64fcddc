package org.reconnect.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnect.MutableClock;

import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A read larger than one reply may carry (the driver refuses a reply over 48 MB) comes in batches
 * from the embedded store, as from MongoDB, so reading every participant or every ally works at any
 * size; the answer is the same, in the same order, and a read stopped early leaves no cursor behind.
 * A read its client has not asked for in 10 minutes (a client that crashed mid-read) is let go, as
 * MongoDB does: the clock is moved, never waited for.
 */
class LargeReadsTests {

	/** 60 documents of about 1 MB: 60 MB, more than one reply may carry. */
	private static final int DOCUMENTS = 60;

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2030-03-08T16:00:00Z"));
	private DurableH2Backend backend;
	private MongoServer server;
	private MongoClient client;
	private MongoCollection<Document> people;

	@BeforeEach
	void start() {
		backend = new DurableH2Backend(MVStore.open(dir.resolve("large.mv").toString()), clock);
		server = new MongoServer(backend);
		client = MongoClients.create(server.bindAndGetConnectionString());
		people = client.getDatabase("reconnect").getCollection("people");
		String note = "x".repeat(1_000_000);
		for (int i = 0; i < DOCUMENTS; i++) {
			people.insertOne(new Document("_id", "p" + i).append("n", i).append("note", note));
		}
	}

	@AfterEach
	void stop() {
		client.close();
		server.shutdownNow();
	}

	@Test
	void aReadOfMoreThanOneReplyCanCarryComesWholeAndInOrder() {
		List<Integer> read = new ArrayList<>();
		people.find().sort(Sorts.descending("n")).forEach(person -> read.add(person.getInteger("n")));

		assertThat(read).hasSize(DOCUMENTS);
		for (int i = 0; i < DOCUMENTS; i++) {
			assertThat(read.get(i)).isEqualTo(DOCUMENTS - 1 - i);
		}
	}

	@Test
	void aReadOfManySmallDocumentsNamingABatchSizeOrNotGetsThemAll() {
		MongoCollection<Document> ids = client.getDatabase("reconnect").getCollection("ids");
		List<Document> many = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			many.add(new Document("_id", i).append("even", i % 2 == 0));
		}
		ids.insertMany(many);

		assertThat(ids.find(Filters.eq("even", true)).into(new ArrayList<>())).hasSize(500);
		assertThat(ids.find().batchSize(7).into(new ArrayList<>())).hasSize(1_000);
		assertThat(ids.find().limit(150).into(new ArrayList<>())).hasSize(150);
	}

	@Test
	void aReadStoppedEarlyLeavesNoCursorBehind() {
		try (var cursor = people.find().iterator()) {
			assertThat(cursor.next().getInteger("n")).isNotNull();
		}
		assertThat(backend.openCursors()).as("the rest of the read is let go when the client closes it").isZero();
		assertThat(backend.timedCursors()).isZero();
	}

	@Test
	void aReadItsClientLeftForMoreThanTenMinutesIsLetGoAndAskingForMoreGetsCursorNotFound() {
		try (MongoCursor<Document> cursor = people.find().iterator()) {
			readFirstBatch(cursor);
			assertThat(backend.openCursors()).as("the rest of the read waits for the client").isOne();

			clock.advance(Duration.ofMinutes(10).plusSeconds(1));
			client.getDatabase("reconnect").runCommand(new Document("ping", 1)); // any command, from anyone

			assertThat(backend.openCursors()).as("a read left idle for more than 10 minutes is let go").isZero();
			assertThat(backend.timedCursors()).isZero();
			assertThatExceptionOfType(MongoCursorNotFoundException.class).isThrownBy(cursor::next)
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo(43));
		}
	}

	@Test
	void aReadItsClientKeepsAskingForOutlivesTheTimeout() {
		List<Integer> read = new ArrayList<>();
		try (MongoCursor<Document> cursor = people.find().sort(Sorts.ascending("n")).iterator()) {
			read.addAll(readFirstBatch(cursor));
			clock.advance(Duration.ofMinutes(9));
			read.add(cursor.next().getInteger("n")); // asks for the next batch: its 10 minutes start again
			clock.advance(Duration.ofMinutes(9));
			cursor.forEachRemaining(person -> read.add(person.getInteger("n")));
		}

		assertThat(read).hasSize(DOCUMENTS);
		assertThat(backend.openCursors()).isZero();
		assertThat(backend.timedCursors()).as("nothing is kept for a read that ended").isZero();
	}

	/** The documents the find's reply carried, read without asking the server for more. */
	private static List<Integer> readFirstBatch(MongoCursor<Document> cursor) {
		List<Integer> read = new ArrayList<>();
		for (int i = cursor.available(); i > 0; i--) {
			read.add(cursor.next().getInteger("n"));
		}
		assertThat(read).as("the first batch is not the whole read").hasSizeLessThan(DOCUMENTS);
		return read;
	}
}
