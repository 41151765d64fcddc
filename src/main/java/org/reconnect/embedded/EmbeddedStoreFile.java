package org.reconnect.embedded;

import java.nio.file.Path;

import org.reconnect.system.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded MongoDB-wire store's backend and the file it keeps its data in. */
final class EmbeddedStoreFile implements EmbeddedStore {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreFile.class);

	private final DurableH2Backend backend;
	private final Path file;

	EmbeddedStoreFile(DurableH2Backend backend, Path file) {
		this.backend = backend;
		this.file = file;
	}

	@Override
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
