package org.reconnect.console;

import org.springframework.data.repository.CrudRepository;

interface Coaches extends CrudRepository<Coach, String> {
}
