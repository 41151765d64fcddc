package org.reconnect.console;

import java.util.List;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.EscalationService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The alerts inbox as an API: alerts and crisis notices the coach may see, and acknowledging a
 * notice. (A participant's escalation is acknowledged at POST /api/participants/{id}/acknowledgements.)
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertsApi {

	private final EscalationService escalation;
	private final Caseload caseload;
	private final AlertsInbox inbox;

	AlertsApi(EscalationService escalation, Caseload caseload, AlertsInbox inbox) {
		this.escalation = escalation;
		this.caseload = caseload;
		this.inbox = inbox;
	}

	@Operation(summary = "Alerts and crisis notices the coach may see, newest first",
			description = "About the coach's own participants (every participant for a supervisor). Crisis notices "
					+ "from numbers nobody has enrolled (participantId null, maskedPhone set) are in no caseload: "
					+ "only supervisors see them.")
	@GetMapping("/attention")
	List<AttentionItem> attention(@Parameter(description = "true: only what still waits, as in the alerts inbox "
			+ "(open escalations, notices nobody has acknowledged); false or absent: the whole history")
	@RequestParam(defaultValue = "false") boolean open, Authentication coach) {
		return open ? inbox.open(coach) : caseload.filter(escalation.attention(), coach);
	}

	@Operation(summary = "Acknowledge a crisis or handover notice: someone has it in hand",
			description = "201 with the acknowledged notice; 404 when there is no such notice for this coach "
					+ "(another coach's participant, or a number nobody has enrolled for a coach who is not a "
					+ "supervisor); 409 when it was already acknowledged.")
	@ApiResponse(responseCode = "201", description = "Acknowledged: the notice as it now stands")
	@ApiResponse(responseCode = "409", description = "Already acknowledged")
	@PostMapping("/notices/{id}/acknowledgements")
	ResponseEntity<AttentionItem> acknowledge(@PathVariable String id, Authentication coach) {
		return ResponseEntity.status(HttpStatus.CREATED).body(inbox.acknowledge(id, coach));
	}
}
