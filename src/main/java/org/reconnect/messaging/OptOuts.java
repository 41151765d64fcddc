package org.reconnect.messaging;

import org.springframework.data.repository.CrudRepository;

interface OptOuts extends CrudRepository<OptOut, String> {
}
