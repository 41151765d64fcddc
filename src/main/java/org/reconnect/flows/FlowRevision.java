package org.reconnect.flows;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A flow file's content, stored by its hash so conversations in flight keep their revision. */
@Document("flow_revisions")
record FlowRevision(@Id String revision, String name, String file, String content, Instant loadedAt) {
}
