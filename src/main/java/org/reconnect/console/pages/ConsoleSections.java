package org.reconnect.console.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.reconnect.system.SimulatorMode;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which navigation entry the page belongs to (aria-current), from the path, so
 * no page controller has to remember it; and whether it shows the Tools menu (Flows, Simulator):
 * to supervisors, and to every coach while no Twilio account is configured (the simulator stands
 * in for it then, and coaches try flows there).
 */
@ControllerAdvice
class ConsoleSections {

	private final boolean simulator;
	private final CoachScope scope;

	ConsoleSections(Environment environment, CoachScope scope) {
		this.simulator = SimulatorMode.active(environment);
		this.scope = scope;
	}

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		return of(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@ModelAttribute("tools")
	boolean tools(Authentication coach) {
		return simulator || (coach != null && scope.isSupervisor(coach));
	}

	static String of(String path) {
		if (path.equals("/participants/new")) {
			return "enrol";
		}
		if (path.equals("/") || path.startsWith("/participants") || path.startsWith("/caseload")) {
			return "caseload";
		}
		for (String section : new String[] { "alerts", "flows", "simulator", "passkeys", "settings" }) {
			if (path.startsWith("/" + section)) {
				return section;
			}
		}
		return "";
	}
}
