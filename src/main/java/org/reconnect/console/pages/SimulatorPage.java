package org.reconnect.console.pages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.simulator.DemoTime;
import org.reconnect.system.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

/**
 * The phone simulator ({@code /simulator}): be a participant's phone, start a flow or today's
 * check-in, and jump the demo clock to see timeouts and escalation. Only without a Twilio account;
 * with one the page says why it is not there and every action is 404.
 */
@Controller
class SimulatorPage {

	private final ObjectProvider<PhoneSimulator> phones;
	private final DemoTime demoTime;
	private final CoachScope scope;
	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final FlowCatalog catalog;
	private final MessageSource texts;

	SimulatorPage(ObjectProvider<PhoneSimulator> phones, DemoTime demoTime, CoachScope scope,
			ParticipantService participants, ConversationRuntime conversations, FlowCatalog catalog, MessageSource texts) {
		this.texts = texts;
		this.phones = phones;
		this.demoTime = demoTime;
		this.scope = scope;
		this.participants = participants;
		this.conversations = conversations;
		this.catalog = catalog;
	}

	@GetMapping("/simulator")
	String page(@RequestParam(required = false) String participant, Authentication coach, Model model) {
		Optional<String> unavailable = unavailable();
		model.addAttribute("unavailable", unavailable.orElse(null));
		if (unavailable.isPresent()) {
			return "simulator";
		}
		List<ParticipantProfile> caseload = scope.caseload(coach);
		model.addAttribute("caseload", caseload);
		model.addAttribute("flows", catalog.flows().stream().filter(f -> f.flow() != null).map(f -> f.flow()).sorted().toList());
		model.addAttribute("zones", List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
				"Europe/London", "Europe/Madrid", "UTC"));
		model.addAttribute("offsetText", ahead(demoTime.offset()));
		// the demo clock is everyone's: only a supervisor moves it
		model.addAttribute("mayMoveClock", scope.isSupervisor(coach));
		model.addAttribute("demoNow", demoTime.now());
		if (participant != null && !participant.isBlank()) {
			ParticipantProfile chosen = scope.owned(participant, coach);
			model.addAttribute("chosen", chosen);
			model.addAttribute("chat", SimulatorChat.of(phones.getObject(), chosen.phone()));
			model.addAttribute("open", conversations.open(chosen.id()).orElse(null));
		}
		return "simulator";
	}

	/** The chat alone, for htmx's polling: 204 (nothing to swap) when nothing changed since {@code seen}. */
	@HxRequest
	@GetMapping("/simulator/chat")
	Object chat(@RequestParam String participant, @RequestParam(defaultValue = "") String seen, Authentication coach,
			Model model) {
		PhoneSimulator phone = requirePhone();
		ParticipantProfile chosen = scope.owned(participant, coach);
		SimulatorChat chat = SimulatorChat.of(phone, chosen.phone());
		if (chat.version().equals(seen)) {
			return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
		}
		model.addAttribute("chosen", chosen);
		model.addAttribute("chat", chat);
		model.addAttribute("announce", true);
		return "simulator :: chat";
	}

	/** A text from the participant's phone; htmx swaps the chat in, a plain form reloads the page. */
	@PostMapping("/simulator/send")
	String send(@RequestParam String participant, @RequestParam(defaultValue = "") String body,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Authentication coach, Model model) {
		PhoneSimulator phone = requirePhone();
		ParticipantProfile chosen = scope.owned(participant, coach);
		if (!body.isBlank()) {
			phone.receive(chosen.phone(), body.strip());
		}
		if (htmx != null) {
			model.addAttribute("chosen", chosen);
			model.addAttribute("chat", SimulatorChat.of(phone, chosen.phone()));
			model.addAttribute("announce", true);
			return "simulator :: chat";
		}
		return back(chosen.id().value());
	}

	@PostMapping("/simulator/clock")
	String jump(@RequestParam(defaultValue = "") String participant, @RequestParam String by,
			RedirectAttributes redirect) {
		requirePhone();
		try {
			DemoTime.Jumped jumped = demoTime.jump(DemoTime.parse("by", by));
			redirect.addFlashAttribute("jumped", jumped);
			redirect.addFlashAttribute("jumpedBy", by.strip());
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("jumpError", ex.problems().get(0).messageIn(texts, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("jumpValue", by);
		}
		return back(participant);
	}

	@PostMapping("/simulator/clock/reset")
	String reset(@RequestParam(defaultValue = "") String participant, RedirectAttributes redirect) {
		requirePhone();
		demoTime.reset();
		redirect.addFlashAttribute("notice", text("simulator.notice.real-time"));
		return back(participant);
	}

	/** A new test participant in this coach's caseload, on a number the coach types or a free reserved one. */
	@PostMapping("/simulator/participants")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "America/New_York") String timeZone,
			@RequestParam(defaultValue = "09:00") String checkInTime, Authentication coach,
			RedirectAttributes redirect) {
		PhoneSimulator simulator = requirePhone();
		try {
			String number = phone.isBlank() ? freeNumber(simulator) : phone;
			ParticipantProfile created = scope.enrol(new EnrolParticipant(name.isBlank() ? text("simulator.test-participant") : name,
					number, timeZone, checkInTime, null), coach);
			redirect.addFlashAttribute("notice", text("simulator.notice.enrolled", created.name(), created.phone()));
			return back(created.id().value());
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("createErrors", ShownProblem.of(ex, texts, LocaleContextHolder.getLocale()));
			return back("");
		}
		catch (org.reconnect.system.Refusal ex) {
			// the number is enrolled already
			redirect.addFlashAttribute("createErrors",
					List.of(new ShownProblem("phone", ex.messageIn(texts, LocaleContextHolder.getLocale()))));
			return back("");
		}
	}

	@PostMapping("/simulator/start")
	String start(@RequestParam String participant, @RequestParam String flow, Authentication coach,
			RedirectAttributes redirect) {
		requirePhone();
		ParticipantProfile chosen = scope.owned(participant, coach);
		if (!catalog.exists(flow)) {
			redirect.addFlashAttribute("notice", text("simulator.notice.no-flow", flow));
			return back(participant);
		}
		boolean now = conversations.start(chosen.id(), flow).isPresent();
		redirect.addFlashAttribute("notice", text(now ? "simulator.notice.flow-started" : "simulator.notice.flow-waits", flow));
		return back(participant);
	}

	@PostMapping("/simulator/check-in")
	String checkIn(@RequestParam String participant, Authentication coach, RedirectAttributes redirect) {
		requirePhone();
		ParticipantProfile chosen = scope.owned(participant, coach);
		boolean now = conversations.checkInByHand(chosen.id()).went();
		redirect.addFlashAttribute("notice", text(now ? "simulator.notice.check-in-sent" : "simulator.notice.check-in-not-sent"));
		return back(participant);
	}

	/** "Real time." or "1 d 2 h 15 min ahead of real time.", in the coach's language. */
	String ahead(Duration offset) {
		if (offset.isZero()) {
			return text("simulator.offset.real-time");
		}
		StringBuilder parts = new StringBuilder();
		if (offset.toDays() > 0) {
			parts.append(text("simulator.offset.days", offset.toDays())).append(' ');
		}
		if (offset.toHoursPart() > 0) {
			parts.append(text("simulator.offset.hours", offset.toHoursPart())).append(' ');
		}
		if (offset.toMinutesPart() > 0) {
			parts.append(text("simulator.offset.minutes", offset.toMinutesPart())).append(' ');
		}
		return text("simulator.offset.ahead", parts.toString().strip());
	}

	private String text(String key, Object... args) {
		return texts.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private Optional<String> unavailable() {
		if (phones.getIfAvailable() == null) {
			return Optional.of(text("simulator.unavailable"));
		}
		return demoTime.unavailable().map(this::text);
	}

	private PhoneSimulator requirePhone() {
		if (unavailable().isPresent()) {
			throw new NoSuchPage();
		}
		return phones.getObject();
	}

	/** The first reserved fictional number (+1 202 555 0100 to 0199) nobody uses. */
	private String freeNumber(PhoneSimulator simulator) {
		for (long n = 12025550100L; n < 12025550200L; n++) {
			String number = "+" + n;
			if (participants.findByPhone(number).isEmpty() && simulator.unused(number)) {
				return number;
			}
		}
		throw InvalidInput.of("phone", "problem.simulator.numbers-used");
	}

	private static String back(String participant) {
		return participant == null || participant.isBlank() ? "redirect:/simulator"
				: "redirect:/simulator?participant=" + UriUtils.encodeQueryParam(participant, StandardCharsets.UTF_8);
	}
}
