package org.reconnect.system;

/**
 * The embedded MongoDB-wire store's file, for what must reach past the MongoDB API into it: an
 * erasure, after which no copy of what was deleted may stay in the file. A bean only when the
 * embedded store runs (module {@code embedded}); a real MongoDB is left to its own operators.
 */
public interface EmbeddedStore {

	/**
	 * Rewrites the file so that nothing deleted or overwritten stays in it (old versions of pages
	 * included). Writes wait while it runs; safe to call at any time and to repeat.
	 */
	void compact();
}
