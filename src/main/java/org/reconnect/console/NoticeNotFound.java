package org.reconnect.console;

import org.reconnect.system.Refusal;

/**
 * No crisis or handover notice by that id that the asking coach may see (one about another coach's
 * participant, or from a number nobody has enrolled for a coach who is not a supervisor, looks the
 * same). The API answers 404; the console pages show their 404.
 */
public class NoticeNotFound extends Refusal {

	NoticeNotFound(String id) {
		super("problem.detail.notice-not-found", id);
	}
}
