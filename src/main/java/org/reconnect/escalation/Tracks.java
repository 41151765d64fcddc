package org.reconnect.escalation;

import org.springframework.data.repository.CrudRepository;

interface Tracks extends CrudRepository<Track, String> {
}
