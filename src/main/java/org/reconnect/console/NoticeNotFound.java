package org.reconnect.console;

/**
 * No crisis or handover notice by that id that the asking coach may see (one about another coach's
 * participant, or from a number nobody has enrolled for a coach who is not a supervisor, looks the
 * same). The API answers 404; the console pages show their 404.
 */
public class NoticeNotFound extends RuntimeException {

	NoticeNotFound(String id) {
		super("No notice '" + id + "' for you: check the id, e.g. from GET /api/attention?open=true");
	}
}
