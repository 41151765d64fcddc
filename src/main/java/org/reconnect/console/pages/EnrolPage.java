package org.reconnect.console.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.reconnect.messaging.Messenger;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantAlreadyEnrolled;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.QuietHours;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

/**
 * Enrol a participant in one short form. The phone is read as it is typed and shown in national
 * format (htmx asks {@code /participants/new/phone}), and the check-in time is checked against
 * quiet hours as it is typed ({@code /participants/new/check-in-time}); errors stand next to each
 * field with the same messages as the API's problem details.
 */
@Controller
class EnrolPage {

	/** Every zone the JVM knows, for the time zone field's suggestions. */
	private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
		.filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.toList());

	private final CoachScope scope;
	private final ParticipantService participants;
	private final PhoneNumbers phones;
	private final MessageSource texts;
	private final Messenger messenger;
	private final Clock clock;

	EnrolPage(CoachScope scope, ParticipantService participants, PhoneNumbers phones, MessageSource texts,
			Messenger messenger, Clock clock) {
		this.texts = texts;
		this.messenger = messenger;
		this.clock = clock;
		this.scope = scope;
		this.participants = participants;
		this.phones = phones;
	}

	@GetMapping("/participants/new")
	String form(Model model) {
		return show(new EnrolParticipant("", "", "America/New_York", "09:00", participants.languages().get(0)), FieldErrors.none(), model);
	}

	@PostMapping("/participants/new")
	String enrol(@ModelAttribute EnrolParticipant form, Authentication coach, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			ParticipantProfile enrolled = scope.enrol(form, coach);
			redirect.addFlashAttribute("done", done(enrolled));
			return "redirect:/participants/" + enrolled.id().value();
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // the form again, with what to change
			return show(form, FieldErrors.of(invalid, texts), model);
		}
		catch (ParticipantAlreadyEnrolled taken) {
			return show(form, FieldErrors.none().add("phone", taken.messageIn(texts, LocaleContextHolder.getLocale())), model);
		}
	}

	/**
	 * Enrolled, and where their welcome text is: on its way, held while it is night for them, or not
	 * sent at all to a number that texted STOP.
	 */
	private String done(ParticipantProfile enrolled) {
		QuietHours quiet = participants.quietHoursOf(enrolled);
		Instant now = clock.instant();
		String key = messenger.isOptedOut(enrolled.phone()) ? "enrol.done.opted-out"
				: quiet.contains(now, enrolled.zone()) ? "enrol.done.held" : "enrol.done";
		return texts.getMessage(key,
				new Object[] { enrolled.name(), enrolled.checkInTime().toString(), quiet.end().toString() },
				LocaleContextHolder.getLocale());
	}

	/** The phone as it will be kept, in national format, or what is wrong with it. */
	@HxRequest
	@GetMapping("/participants/new/phone")
	String phone(@RequestParam(defaultValue = "") String phone, Model model) {
		model.addAttribute("phoneCheck", check(phone));
		return "enrol :: phone-check";
	}

	/** Whether the check-in time is outside quiet hours, as enrolment will judge it. */
	@HxRequest
	@GetMapping("/participants/new/check-in-time")
	String checkInTime(@RequestParam(defaultValue = "") String checkInTime, Model model) {
		model.addAttribute("timeCheck", checkTime(checkInTime));
		return "enrol :: check-in-time-check";
	}

	private String show(EnrolParticipant form, FieldErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zones", ZONES);
		model.addAttribute("phoneCheck", errors.has("phone") || form.phone() == null || form.phone().isBlank() ? null
				: check(form.phone()));
		model.addAttribute("timeCheck", errors.has("checkInTime") ? null : checkTime(form.checkInTime()));
		return "enrol";
	}

	/** Null while the field holds no time of day yet (the browser's time input sends none until it is whole). */
	private PhoneCheck checkTime(String raw) {
		LocalTime time;
		try {
			time = LocalTime.parse(raw == null ? "" : raw.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return participants.checkInTimeProblem(time)
			.map(problem -> new PhoneCheck(false, problem.messageIn(texts, LocaleContextHolder.getLocale())))
			.orElseGet(() -> new PhoneCheck(true, texts.getMessage("enrol.check-in.fine",
					new Object[] { time.toString(), participants.defaultQuietHours().describe() },
					LocaleContextHolder.getLocale())));
	}

	private PhoneCheck check(String raw) {
		if (raw.isBlank()) {
			return null;
		}
		try {
			return new PhoneCheck(true, phones.national("phone", raw));
		}
		catch (InvalidInput invalid) {
			return new PhoneCheck(false, invalid.problems().get(0).messageIn(texts, LocaleContextHolder.getLocale()));
		}
	}

	/** What a live check says: the value as it will be kept (or that it is fine), or the problem. */
	public record PhoneCheck(boolean valid, String text) {
	}
}
