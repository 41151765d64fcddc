package org.reconnect.embedded;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The application's own durable embedded MongoDB-wire server (acknowledged writes on disk), for
 * the proofs, which run it outside the application so that two nodes can share it.
 */
public final class ProofMongoServer {

	private ProofMongoServer() {
	}

	/** Starts a server on loopback, on a random port, with its data in {@code file}. */
	public static MongoServer start(Path file) {
		MongoServer server = new MongoServer(
				new DurableH2Backend(MVStore.open(file.toString())));
		server.bind("127.0.0.1", 0);
		return server;
	}
}
