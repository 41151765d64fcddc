package org.reconnect.console.pages;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The places a participant can live in, for a searchable time zone field: each zone id (what is
 * kept) with "City (Region)" and its UTC offset now, as a coach looks for it. Only real places:
 * no Etc/GMT+5 or SystemV zones.
 */
@Component
class ZoneChoices {

	/** One place: the zone id the form sends, and how the list shows it. */
	record Zone(String id, String label) {
	}

	private final Clock clock;

	ZoneChoices(Clock clock) {
		this.clock = clock;
	}

	/** Every place, by city, each with its offset at this moment (summer time included). */
	List<Zone> all() {
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
			.map(id -> new Zone(id, label(ZoneId.of(id))))
			.sorted(Comparator.comparing(Zone::label))
			.toList();
	}

	/** "New York (America), UTC-05:00"; a zone without a region (UTC) is named by its id. */
	String label(ZoneId zone) {
		String id = zone.getId();
		int slash = id.lastIndexOf('/');
		String place = slash < 0 ? id
				: id.substring(slash + 1).replace('_', ' ') + " (" + id.substring(0, slash).replace('_', ' ') + ")";
		return place + ", " + offset(zone.getRules().getOffset(clock.instant()));
	}

	private static String offset(ZoneOffset offset) {
		return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
	}
}
