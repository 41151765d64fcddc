package org.reconnect.escalation;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Escalation's meters, counted from the audit log as it is written, so they say exactly what the
 * audit says:
 * <ul>
 * <li>{@code reconnect.escalations}: by {@code event}: opened (a first missed check-in),
 * step-due (a ladder step reached), acknowledged, closed, crisis (crisis language);</li>
 * <li>{@code reconnect.alerts}: alerts decided (sent or queued to a participant or an ally, raised
 * to a coach, or not sent for want of consent), by {@code recipient}: participant, coach, ally.</li>
 * </ul>
 */
@Component
class EscalationMeters {

	private final MeterRegistry registry;

	EscalationMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void audited(AuditKind kind, String subject) {
		String event = switch (kind) {
			case EPISODE_OPENED -> "opened";
			case STEP_DUE -> "step-due";
			case ACKNOWLEDGED -> "acknowledged";
			case EPISODE_CLOSED -> "closed";
			case CRISIS -> "crisis";
			default -> null;
		};
		if (event != null) {
			Counter.builder("reconnect.escalations")
				.description("Escalation episodes and their steps")
				.tag("event", event)
				.register(registry)
				.increment();
		}
		if (kind == AuditKind.ALERT) {
			Counter.builder("reconnect.alerts")
				.description("Alerts decided, by who was to be told")
				.tag("recipient", recipient(subject))
				.register(registry)
				.increment();
		}
	}

	/** "ally:<id>" and "coach:<name>" lose their id: a tag never names a person. */
	private static String recipient(String subject) {
		if (subject == null) {
			return "unknown";
		}
		int colon = subject.indexOf(':');
		return colon < 0 ? subject : subject.substring(0, colon);
	}
}
