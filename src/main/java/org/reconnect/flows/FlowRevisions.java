package org.reconnect.flows;

import org.springframework.data.repository.CrudRepository;

interface FlowRevisions extends CrudRepository<FlowRevision, String> {
}
