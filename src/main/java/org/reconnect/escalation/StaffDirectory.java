package org.reconnect.escalation;

import java.time.ZoneId;
import java.util.List;

import org.reconnect.participants.QuietHours;

/**
 * What escalation needs to know of the staff (coaches and supervisors), answered by the module
 * that holds their accounts: who hears the ladder's coach step, and when each of them may be
 * disturbed. Escalation holds each alert for its recipient's own quiet hours, and only those.
 */
public interface StaffDirectory {

	/**
	 * Who hears the coach step about a participant of this coach: the coach, or when the coach can
	 * be reached by no channel (no phone or e-mail on file, account disabled), the supervisors who
	 * can; never another coach. Usernames.
	 */
	List<String> coachStepRecipients(String coach);

	/** The staff member's zone and quiet hours; either may be null (then the defaults apply). */
	Hours hoursOf(String username);

	/**
	 * @param zone their time zone; null: the participant's
	 * @param quietHours their own; null: the organisation's
	 */
	record Hours(ZoneId zone, QuietHours quietHours) {
	}
}
