package org.reconnect.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reconnect.scheduling.DueWork;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.ShiftableClock;
import org.reconnect.system.SimulatorMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The phone simulator's clock, which a coach can jump ahead ("+2h") to see timeouts, expiry and
 * escalation happen. Only with the simulator: with a Twilio account real people would be texted on
 * a made-up time, so it is never available then. A jump moves in steps and runs the due work
 * after each step, because Quartz fires on real time and does not see this clock move. The offset
 * lives in memory on this node (see {@link ShiftableClock}).
 */
@Service
public class DemoTime {

	private static final Logger log = LoggerFactory.getLogger(DemoTime.class);

	private static final Pattern PART = Pattern.compile("(\\d+)\\s*([mhd])");

	private final Clock clock;
	private final boolean simulator;
	private final DueWork due;
	private final SimulatorSettings settings;

	DemoTime(Clock clock, Environment env, DueWork due, SimulatorSettings settings) {
		this.clock = clock;
		this.simulator = SimulatorMode.active(env);
		this.due = due;
		this.settings = settings;
	}

	/**
	 * Why the clock cannot be jumped here, as a key of messages/problems*.properties (the reader's
	 * language picks the words), or empty when it can.
	 */
	public Optional<String> unavailable() {
		if (!simulator) {
			return Optional.of("problem.demo-time.real-people");
		}
		if (!(clock instanceof ShiftableClock)) {
			return Optional.of("problem.demo-time.fixed-clock");
		}
		return Optional.empty();
	}

	public boolean available() {
		return unavailable().isEmpty();
	}

	public Instant now() {
		return clock.instant();
	}

	/** How far demo time is ahead of real time. */
	public Duration offset() {
		return clock instanceof ShiftableClock shiftable && simulator ? shiftable.offset() : Duration.ZERO;
	}

	/**
	 * Moves the clock forward by {@code by}, step by step, running what falls due after each step.
	 *
	 * @throws DemoTimeUnavailable with Twilio configured
	 * @throws InvalidInput when the jump is not forward or longer than allowed
	 */
	public Jumped jump(Duration by) {
		ShiftableClock shiftable = shiftable();
		// One mover at a time: the transcript runs take the same lock.
		synchronized (shiftable) {
			return jump(shiftable, by);
		}
	}

	private Jumped jump(ShiftableClock shiftable, Duration by) {
		if (by.isNegative() || by.isZero()) {
			throw InvalidInput.of("by", "problem.demo-time.forward");
		}
		if (by.compareTo(settings.longestDemoJump()) > 0) {
			throw InvalidInput.of("by", "problem.demo-time.longest", settings.longestDemoJump().toDays());
		}
		Instant from = clock.instant();
		DueWork.Done done = DueWork.Done.nothing();
		Duration left = by;
		while (!left.isZero()) {
			Duration step = left.compareTo(settings.demoStep()) < 0 ? left : settings.demoStep();
			shiftable.shift(step);
			left = left.minus(step);
			done = done.plus(due.runUntilNow());
		}
		log.info("Demo time jumped {} from {} to {}: {}", by, from, clock.instant(), done);
		return new Jumped(from, clock.instant(), done);
	}

	/** Back to real time. What happened in the skipped time stays done. */
	public void reset() {
		ShiftableClock shiftable = shiftable();
		synchronized (shiftable) {
			shiftable.reset();
		}
		log.info("Demo time reset to real time {}", clock.instant());
	}

	private ShiftableClock shiftable() {
		unavailable().ifPresent(reason -> {
			throw new DemoTimeUnavailable(reason);
		});
		return (ShiftableClock) clock;
	}

	/**
	 * Reads a jump as a coach types it: "+15m", "2h", "1d 6h", "90m", or ISO 8601 ("PT2H").
	 *
	 * @throws InvalidInput naming {@code field} when it is none of those
	 */
	public static Duration parse(String field, String text) {
		String plain = text == null ? "" : text.trim().toLowerCase();
		if (plain.startsWith("+")) {
			plain = plain.substring(1).trim();
		}
		if (plain.startsWith("p")) {
			try {
				return Duration.parse(plain.toUpperCase());
			}
			catch (RuntimeException ex) {
				throw InvalidInput.of(field, "problem.demo-time.unreadable");
			}
		}
		Matcher part = PART.matcher(plain);
		Duration total = Duration.ZERO;
		int end = 0;
		while (part.find()) {
			if (!plain.substring(end, part.start()).isBlank()) {
				break;
			}
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
			end = part.end();
		}
		if (end == 0 || end != plain.length()) {
			throw InvalidInput.of(field, "problem.demo-time.unreadable");
		}
		return total;
	}

	/** A jump: from when to when, and what fell due on the way. */
	/** Serializable: the simulator page keeps it in the session (shared by the nodes) for the next page. */
	public record Jumped(Instant from, Instant to, DueWork.Done done) implements java.io.Serializable {
	}
}
