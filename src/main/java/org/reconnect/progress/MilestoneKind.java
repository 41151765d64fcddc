package org.reconnect.progress;

/**
 * The milestones a participant's progress reaches. When two fall on one day the one written first
 * wins: coming back and the first check-in are of that day only, while the others still hold the
 * next day and are recognised then.
 */
public enum MilestoneKind {

	/** Answering again after a quiet spell ({@code reconnect.progress.quiet-spell}). */
	BACK_AFTER_QUIET_SPELL("back"),

	/** The first check-in they answered. */
	FIRST_CHECK_IN("first-check-in"),

	/** 7, 30, 90 and 365 days of taking part ({@code reconnect.progress.day-milestones}). */
	DAYS_TAKING_PART("days"),

	/** Connecting with someone on most days of a week ({@code reconnect.progress.connected-*}). */
	CONNECTED_WEEK("connected-week");

	private final String key;

	MilestoneKind(String key) {
		this.key = key;
	}

	/** Its part of a bundle key: {@code progress.milestone.<key>} for the participant, {@code progress.<key>.ally}. */
	String key() {
		return key;
	}
}
