package org.reconnect.system;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's MongoDB health check, which sends {@code hello}: the embedded server does not
 * implement it, while {@code ping} works on both the embedded server and a real replica set.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("ping", result.get("ok"));
	}
}
