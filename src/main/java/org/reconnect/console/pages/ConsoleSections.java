package org.reconnect.console.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which navigation entry the page belongs to (aria-current), from the path, so
 * no page controller has to remember it.
 */
@ControllerAdvice
class ConsoleSections {

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		return of(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static String of(String path) {
		if (path.equals("/participants/new")) {
			return "enrol";
		}
		if (path.equals("/") || path.startsWith("/participants") || path.startsWith("/caseload")) {
			return "caseload";
		}
		for (String section : new String[] { "alerts", "flows", "simulator", "passkeys" }) {
			if (path.startsWith("/" + section)) {
				return section;
			}
		}
		return "";
	}
}
