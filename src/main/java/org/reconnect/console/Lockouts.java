package org.reconnect.console;

import org.springframework.data.repository.CrudRepository;

interface Lockouts extends CrudRepository<Lockout, String> {
}
