package org.reconnect.console.pages;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a coach wants the console: the zone they read times in and the language of its pages.
 *
 * @param username the coach's
 * @param zone an IANA zone; null: the server's zone
 * @param language a language tag (en, es); null: the browser's (Accept-Language)
 */
@Document("console-preferences")
record ConsolePreference(@Id String username, String zone, String language) {
}
