package org.reconnect.console;

import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.FlowDiagram;
import org.reconnect.transcripts.TranscriptLab;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The flows page's actions in the API: a flow's diagram (Mermaid, SVG, transitions in words) and
 * its transcript runs, which exist only with the phone simulator (404 saying why with Twilio).
 */
@RestController
@RequestMapping(path = "/api/flows/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
class FlowToolsApi {

	private final FlowCatalog catalog;
	private final ObjectProvider<TranscriptLab> labs;

	FlowToolsApi(FlowCatalog catalog, ObjectProvider<TranscriptLab> labs) {
		this.catalog = catalog;
		this.labs = labs;
	}

	@Operation(summary = "A flow as a diagram of its states",
			description = "The states and transitions of a loaded flow, for drawing it in the console.")
	@GetMapping("/diagram")
	FlowDiagram diagram(@PathVariable String name) {
		return catalog.diagram(name).orElseThrow(() -> new NoSuchThing("No loaded flow is called " + name
				+ ": send one of the names in GET /api/flows"));
	}

	/** Plays every transcript of the flow on throwaway test participants; simulator only. */
	@PostMapping("/transcript-runs")
	TranscriptLab.Run run(@PathVariable String name) {
		diagram(name);
		return lab().run(name);
	}

	@Operation(summary = "The latest transcript run of a flow",
			description = "Each transcript of the flow with whether it passed and, where it failed, the first "
					+ "difference; 404 when none has run yet.")
	@GetMapping("/transcript-runs/latest")
	TranscriptLab.Run latest(@PathVariable String name) {
		diagram(name);
		return lab().lastRun(name).orElseThrow(() -> new NoSuchThing("The transcripts of " + name
				+ " have not run on this server yet: POST /api/flows/" + name + "/transcript-runs"));
	}

	private TranscriptLab lab() {
		TranscriptLab lab = labs.getIfAvailable();
		if (lab == null) {
			throw new NoSuchThing("Transcripts are not run here: a Twilio account is configured, so messages reach real "
					+ "people. They run in mvn verify, and here only without Twilio (the phone simulator).");
		}
		return lab;
	}

	@ExceptionHandler(NoSuchThing.class)
	ProblemDetail notFound(NoSuchThing ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	/** A flow, a run or the transcript runs themselves that are not there. */
	static class NoSuchThing extends RuntimeException {

		NoSuchThing(String message) {
			super(message);
		}
	}
}
