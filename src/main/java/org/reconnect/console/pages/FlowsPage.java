package org.reconnect.console.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.FlowCatalog.FlowStatus;
import org.reconnect.flows.FlowDiagram;
import org.reconnect.transcripts.Transcript;
import org.reconnect.transcripts.TranscriptLab;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The flows ({@code /flows}): each with its revision, errors and warnings, its diagram and its
 * transcripts' results. Transcripts run on demand only with the simulator; with Twilio the page
 * shows the validator's findings and says why.
 */
@Controller
class FlowsPage {

	private final FlowCatalog catalog;
	private final ObjectProvider<TranscriptLab> labs;
	private final CoachScope scope;
	private final MessageSource texts;

	FlowsPage(FlowCatalog catalog, ObjectProvider<TranscriptLab> labs, CoachScope scope, MessageSource texts) {
		this.texts = texts;
		this.catalog = catalog;
		this.labs = labs;
		this.scope = scope;
	}

	@GetMapping("/flows")
	String flows(Model model) {
		TranscriptLab lab = labs.getIfAvailable();
		model.addAttribute("flows", catalog.flows()
			.stream()
			.map(status -> new Row(status,
					lab == null || status.flow() == null ? null : lab.lastRun(status.flow()).orElse(null)))
			.toList());
		model.addAttribute("runsOffered", lab != null);
		return "flows";
	}

	@GetMapping("/flows/{name}")
	String flow(@PathVariable String name, Authentication coach, Model model) {
		FlowStatus status = status(name);
		FlowDiagram diagram = catalog.diagram(name).orElseThrow(NoSuchPage::new);
		TranscriptLab lab = labs.getIfAvailable();
		model.addAttribute("status", status);
		model.addAttribute("diagram", diagram);
		model.addAttribute("runsOffered", lab != null);
		// a run moves the demo clock everyone shares: only a supervisor starts one
		model.addAttribute("mayRun", scope.isSupervisor(coach));
		model.addAttribute("noRuns", texts.getMessage("flows.no-runs", null, LocaleContextHolder.getLocale()));
		model.addAttribute("transcripts", lab == null ? List.<Transcript>of() : lab.transcriptsOf(name));
		model.addAttribute("run", lab == null ? null : lab.lastRun(name).orElse(null));
		return "flow";
	}

	@PostMapping("/flows/{name}/transcripts")
	String run(@PathVariable String name, RedirectAttributes redirect) {
		status(name);
		TranscriptLab lab = Optional.ofNullable(labs.getIfAvailable()).orElseThrow(NoSuchPage::new);
		TranscriptLab.Run run = lab.run(name);
		redirect.addFlashAttribute("notice", run.results().isEmpty()
				? texts.getMessage("flows.notice.no-transcripts", null, LocaleContextHolder.getLocale())
				: texts.getMessage("flows.notice.passed", new Object[] { run.passed(), run.results().size() },
						LocaleContextHolder.getLocale()));
		return "redirect:/flows/" + UriUtils.encodePath(name, StandardCharsets.UTF_8) + "#transcripts";
	}

	@GetMapping(path = "/flows/{name}/diagram.svg", produces = "image/svg+xml")
	ResponseEntity<String> svg(@PathVariable String name) {
		FlowDiagram diagram = catalog.diagram(name).orElseThrow(NoSuchPage::new);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(diagram.svg());
	}

	@GetMapping(path = "/flows/{name}/diagram.mmd", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> mermaid(@PathVariable String name) {
		FlowDiagram diagram = catalog.diagram(name).orElseThrow(NoSuchPage::new);
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(diagram.mermaid());
	}

	private FlowStatus status(String name) {
		return catalog.flows().stream().filter(f -> name.equals(f.flow())).findFirst().orElseThrow(NoSuchPage::new);
	}

	/** A flow file in the list, with its transcripts' last run on this node, if any. */
	record Row(FlowStatus status, TranscriptLab.Run lastRun) {

		public String fileName() {
			return status.file().replaceAll(".*[/\\\\]", "");
		}
	}
}
