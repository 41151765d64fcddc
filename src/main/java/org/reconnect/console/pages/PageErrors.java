package org.reconnect.console.pages;

import java.util.Locale;

import org.reconnect.console.NoticeNotFound;
import org.reconnect.console.ParticipantNotFound;
import org.reconnect.reminders.ReminderNotFound;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The console pages' errors as pages: someone else's participant (reminder, notice) is the 404
 * page; input a page refuses is the error page with a 400 naming the field.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

	private final MessageSource texts;

	PageErrors(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler({ ParticipantNotFound.class, ReminderNotFound.class, NoticeNotFound.class,
		org.reconnect.routines.RoutineNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A page's input refused outside a form that shows its own errors: the error page says what and why. */
	@ExceptionHandler(InvalidInput.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(InvalidInput invalid, Model model, Locale locale) {
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
		model.addAttribute("problems", ShownProblem.of(invalid, texts, locale));
		return "error";
	}
}
