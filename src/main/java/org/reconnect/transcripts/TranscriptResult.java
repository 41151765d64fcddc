package org.reconnect.transcripts;

import java.util.List;

/**
 * How a transcript played.
 *
 * @param failedAt the step that failed, as written, or null when it passed
 * @param expected what that step expected (replies, or a state), empty when it passed
 * @param actual what came instead
 */
public record TranscriptResult(String file, String flow, boolean passed, String failedAt, String problem,
		List<String> expected, List<String> actual) {

	static TranscriptResult pass(Transcript transcript) {
		return new TranscriptResult(transcript.file(), transcript.testedFlow(), true, null, null, List.of(), List.of());
	}

	static TranscriptResult fail(Transcript transcript, String failedAt, String problem, List<String> expected,
			List<String> actual) {
		return new TranscriptResult(transcript.file(), transcript.testedFlow(), false, failedAt, problem,
				List.copyOf(expected), List.copyOf(actual));
	}

	/** The file name without its folder. */
	public String name() {
		return file.replaceAll(".*[/\\\\]", "");
	}

	/** A failure as one paragraph, for a test report. */
	public String describe() {
		return passed ? name() + ": passed"
				: file + " " + failedAt + ": " + problem + "\n  expected: " + expected + "\n  actual:   " + actual;
	}
}
