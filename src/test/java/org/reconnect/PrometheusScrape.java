package org.reconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /actuator/prometheus (text format), read into samples a test can add up. */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Sample(String name, Map<String, String> labels, double value) {
	}

	private final String text;
	private final List<Sample> samples = new ArrayList<>();

	/** Reads the metrics as someone allowed to (a supervisor) on the public port. */
	public static PrometheusScrape read(org.springframework.boot.resttestclient.TestRestTemplate supervisor) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setAccept(List.of(org.springframework.http.MediaType.TEXT_PLAIN));
		org.springframework.http.ResponseEntity<String> response = supervisor.exchange("/actuator/prometheus",
				org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new AssertionError("/actuator/prometheus answered " + response.getStatusCode());
		}
		return new PrometheusScrape(response.getBody());
	}

	public PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.find()) {
				continue;
			}
			Map<String, String> labels = new java.util.LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
		}
	}

	public String text() {
		return text;
	}

	/** Whether any sample of that name carries those labels. */
	public boolean has(String name, String... labels) {
		return samples.stream().anyMatch(sample -> matches(sample, name, labels));
	}

	/** The sum over every sample of that name carrying those labels (name, value, name, value...); 0 for none. */
	public double sum(String name, String... labels) {
		return samples.stream().filter(sample -> matches(sample, name, labels)).mapToDouble(Sample::value).sum();
	}

	private static boolean matches(Sample sample, String name, String... labels) {
		if (!sample.name().equals(name)) {
			return false;
		}
		for (int i = 0; i + 1 < labels.length; i += 2) {
			if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
				return false;
			}
		}
		return true;
	}
}
