package org.reconnect.console.pages;

import org.reconnect.console.NoticeNotFound;
import org.reconnect.console.ParticipantNotFound;
import org.reconnect.scheduling.ReminderNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console pages' errors as pages: someone else's participant (reminder, notice) is the 404 page. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

	@ExceptionHandler({ ParticipantNotFound.class, ReminderNotFound.class, NoticeNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}
}
