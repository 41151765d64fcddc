package org.reconnect.participants;

import org.springframework.data.repository.CrudRepository;

interface PendingErasures extends CrudRepository<PendingErasure, String> {
}
