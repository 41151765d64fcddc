package org.reconnect.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.reconnect.scheduling.DueWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The phone simulator's clock in the API: read demo time, jump it ahead ("+2h"), reset it. With a
 * Twilio account configured there is no demo time: every call answers 404 saying why.
 */
@RestController
@RequestMapping(path = "/api/simulator/clock", produces = MediaType.APPLICATION_JSON_VALUE)
class DemoTimeApi {

	private final DemoTime demoTime;
	private final MessageSource texts;

	DemoTimeApi(DemoTime demoTime, MessageSource texts) {
		this.texts = texts;
		this.demoTime = demoTime;
	}

	@Operation(summary = "The demo clock: now and how far it is moved",
			description = "Only while demo time is on (the simulator, no Twilio account): the application's now and "
					+ "its offset from the real clock.")
	@GetMapping
	ClockState clock() {
		requireAvailable();
		return state();
	}

	/** Jumps ahead by {@code by} ("+15m", "+2h", "+1d", "1d 6h", "PT90M") and runs what fell due. */
	@PostMapping("/jumps")
	JumpResult jump(@Valid @RequestBody JumpRequest request) {
		requireAvailable();
		DemoTime.Jumped jumped = demoTime.jump(DemoTime.parse("by", request.by()));
		return new JumpResult(jumped.from(), jumped.to(), jumped.done(), state());
	}

	@Operation(summary = "Put the demo clock back to real time",
			description = "The offset goes to zero; nothing that already ran is undone.")
	@PostMapping("/reset")
	ClockState reset() {
		demoTime.reset();
		return state();
	}

	@ExceptionHandler(DemoTimeUnavailable.class)
	ProblemDetail unavailable(DemoTimeUnavailable ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				texts.getMessage(ex.reason(), null, locale));
		problem.setTitle(texts.getMessage("problem.title.no-demo-time", null, locale));
		return problem;
	}

	private void requireAvailable() {
		demoTime.unavailable().ifPresent(reason -> {
			throw new DemoTimeUnavailable(reason);
		});
	}

	private ClockState state() {
		return new ClockState(demoTime.now(), demoTime.offset());
	}

	record JumpRequest(@Size(max = 64) @CleanText String by) {
	}

	/** Demo time, and how far ahead of real time it is. */
	record ClockState(Instant now, Duration offset) {
	}

	record JumpResult(Instant from, Instant to, DueWork.Done done, ClockState clock) {
	}
}
