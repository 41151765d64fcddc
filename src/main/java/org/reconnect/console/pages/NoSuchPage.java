package org.reconnect.console.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page that is not there: an unknown flow, or the simulator's actions when Twilio is configured. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NoSuchPage extends RuntimeException {
}
