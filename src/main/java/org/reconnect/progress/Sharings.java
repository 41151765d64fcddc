package org.reconnect.progress;

import org.springframework.data.repository.CrudRepository;

interface Sharings extends CrudRepository<ProgressSharing, String> {
}
