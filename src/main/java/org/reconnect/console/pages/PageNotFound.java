package org.reconnect.console.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page that does not exist for this coach (someone else's participant looks the same). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFound extends RuntimeException {

	PageNotFound() {
		super("No such page in your caseload");
	}
}
