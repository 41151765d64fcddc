/**
 * The embedded stores the service runs on when no database is configured (development, tests, a
 * small pilot): an in-process MongoDB-wire server (mongo-java-server on an H2 file, made durable
 * and indexed here) and Quartz's H2 file. Production uses a MongoDB replica set and PostgreSQL;
 * nothing in the other modules depends on this one. What it guarantees: docs/embedded-store.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "system")
package org.reconnect.embedded;
