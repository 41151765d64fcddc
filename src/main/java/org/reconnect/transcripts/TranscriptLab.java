package org.reconnect.transcripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.reconnect.flows.FlowSettings;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.ShiftableClock;
import org.reconnect.system.SimulatorMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

/**
 * Runs a flow's transcripts on demand for the console, only with the simulator: each on a free
 * reserved fictional number (+1 202 555 0100 to 0199), at the moment {@code mvn verify} plays them
 * (the next Friday 16:00 UTC, 11:00 in New York, so quiet hours and weekdays agree), with the
 * demo clock put back afterwards. The last results per flow are kept in memory on this node.
 */
@Service
@Conditional(SimulatorMode.Active.class)
public class TranscriptLab {

	private static final Logger log = LoggerFactory.getLogger(TranscriptLab.class);

	/** The first of the reserved numbers; 555-0100 to 555-0199 are fictional in the US plan. */
	static final long FIRST_NUMBER = 12025550100L;

	private final TranscriptPlayer player;
	private final ParticipantService participants;
	private final PhoneSimulator phone;
	private final Clock clock;
	private final Path tests;
	private final Map<String, Run> lastRuns = new ConcurrentHashMap<>();

	TranscriptLab(TranscriptPlayer player, ParticipantService participants, PhoneSimulator phone, Clock clock,
			FlowSettings flows) {
		this.player = player;
		this.participants = participants;
		this.phone = phone;
		this.clock = clock;
		this.tests = flows.directory().resolve("tests");
	}

	/** The transcript files that test {@code flow}, by file name. */
	public List<Transcript> transcriptsOf(String flow) {
		if (!Files.isDirectory(tests)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(tests)) {
			return files.filter(f -> f.toString().endsWith(".yaml"))
				.sorted()
				.map(Transcript::read)
				.filter(t -> flow.equals(t.testedFlow()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Plays every transcript of the flow and keeps the results as the flow's last run. */
	public Run run(String flow) {
		List<TranscriptResult> results = new ArrayList<>();
		ShiftableClock time = (ShiftableClock) clock;
		synchronized (time) {
			Duration offsetBefore = time.offset();
			try {
				for (Transcript transcript : transcriptsOf(flow)) {
					time.returnTo(offsetBefore);
					time.returnTo(offsetBefore.plus(untilTestMoment(time.instant())));
					String number = freeNumber(null);
					results.add(player.play(transcript, number, transcript.ally() == null ? null : freeNumber(number)));
				}
			}
			finally {
				time.returnTo(offsetBefore);
			}
		}
		Run run = new Run(flow, clock.instant(), List.copyOf(results));
		lastRuns.put(flow, run);
		log.info("Transcripts of flow {}: {} of {} passed", flow, run.passed(), results.size());
		return run;
	}

	public Optional<Run> lastRun(String flow) {
		return Optional.ofNullable(lastRuns.get(flow));
	}

	/** From {@code now} to the next Friday 16:00 UTC, the moment the transcripts are written for. */
	static Duration untilTestMoment(Instant now) {
		ZonedDateTime at = now.atZone(ZoneOffset.UTC);
		ZonedDateTime friday = at.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).with(LocalTime.of(16, 0));
		if (friday.isBefore(at)) {
			friday = friday.plusWeeks(1);
		}
		return Duration.between(at, friday);
	}

	private String freeNumber(String taken) {
		for (long n = FIRST_NUMBER; n < FIRST_NUMBER + 100; n++) {
			String number = "+" + n;
			if (!number.equals(taken) && participants.findByPhone(number).isEmpty() && phone.unused(number)) {
				return number;
			}
		}
		throw new IllegalStateException("every reserved test number +1 202 555 0100-0199 is in use: erase some test "
				+ "participants on those numbers first");
	}

	/** One run of a flow's transcripts. */
	public record Run(String flow, Instant at, List<TranscriptResult> results) {

		public long passed() {
			return results.stream().filter(TranscriptResult::passed).count();
		}

		public boolean allPassed() {
			return results.stream().allMatch(TranscriptResult::passed);
		}
	}
}
