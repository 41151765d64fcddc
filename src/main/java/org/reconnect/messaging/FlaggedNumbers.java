package org.reconnect.messaging;

import org.springframework.data.repository.CrudRepository;

interface FlaggedNumbers extends CrudRepository<FlaggedNumber, String> {
}
