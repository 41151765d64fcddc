package org.reconnect.console.pages;

import org.springframework.data.repository.CrudRepository;

/** Coaches' console preferences, by username. */
interface ConsolePreferenceStore extends CrudRepository<ConsolePreference, String> {
}
