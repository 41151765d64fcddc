package org.reconnect.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Lets benchmarks outside this package write check-in schedules in bulk, as enrolment would one by one. */
public final class CheckInTestAccess {

	private CheckInTestAccess() {
	}

	/** A participant's daily check-in as stored, next due after {@code after}; insert it with {@code insertAll}. */
	public static Object schedule(String participant, ZoneId zone, LocalTime time, Instant after) {
		return CheckInSchedule.of(participant, zone, time, CheckInOccurrences.next(zone, time, after));
	}

	/** The slot of a schedule made by {@link #schedule}. */
	public static String slot(Object schedule) {
		return ((CheckInSchedule) schedule).slot;
	}

	/** When the slot is next due after {@code after}. */
	public static Instant nextDue(String slot, Instant after) {
		return CheckInOccurrences.next(CheckInSchedule.zoneOf(slot), CheckInSchedule.timeOf(slot), after);
	}

	/** Makes every schedule of the slot due at {@code due}. */
	public static void dueAt(MongoTemplate mongo, String slot, Instant due) {
		mongo.updateMulti(Query.query(Criteria.where("slot").is(slot)), new Update().set("nextDueAt", due),
				CheckInSchedule.class);
	}
}
