package org.reconnect.system;

import java.nio.file.Path;

import org.reconnect.system.EmbeddedMongoConfiguration.DurableH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire store's file, for what must reach past the MongoDB API into it: an
 * erasure, after which no copy of what was deleted may stay in the file. A bean only when the
 * embedded store runs; a real MongoDB is left to its own operators.
 */
public final class EmbeddedStore {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final DurableH2Backend backend;
	private final Path file;

	EmbeddedStore(DurableH2Backend backend, Path file) {
		this.backend = backend;
		this.file = file;
	}

	/**
	 * Rewrites the file so that nothing deleted or overwritten stays in it (old versions of pages
	 * included). Writes wait while it runs; safe to call at any time and to repeat.
	 */
	public void compact() {
		long started = System.nanoTime();
		backend.compact();
		log.info("Embedded store file rewritten without deleted data in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	DurableH2Backend backend() {
		return backend;
	}

	Path file() {
		return file;
	}
}
