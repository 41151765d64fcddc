package org.reconnect.proof;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.reconnect.messaging.TwilioTestSigner;

/**
 * One application node: a real JVM process started from the build's classes and runtime
 * classpath, so that {@link #kill()} is a real SIGKILL. Its output goes to a file in the run's
 * temp directory.
 */
final class AppNode {

	static final String TOKEN = "proof-auth-token-0123456789abcdef";
	static final String PUBLIC_URL = "https://reconnect.example.org";
	static final String WEBHOOK = "/webhooks/twilio/sms";
	static final String COACH_PASSWORD = "proof-coach-pass-0123";
	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString(("coach:" + COACH_PASSWORD).getBytes(StandardCharsets.UTF_8));

	final String name;
	final int port;
	final Path log;
	private final Process process;
	private final HttpClient http;

	private AppNode(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	static AppNode start(String name, Path runDir, List<String> properties) throws IOException {
		int port = freePort();
		Path dataDir = Files.createDirectories(runDir.resolve(name + "-data"));
		Path log = runDir.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + System.getProperty("proof.node-heap", "768m"), "-XX:+UseG1GC", "-cp", classpath(),
				"org.reconnect.ReconnectApplication", "--server.port=" + port, "--reconnect.data-dir=" + dataDir));
		command.addAll(properties);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(Path.of("").toAbsolutePath().toFile())
			.start();
		return new AppNode(name, port, log, process);
	}

	/** target/classes and the runtime dependencies, as written by the proof profile. */
	private static String classpath() throws IOException {
		Path file = Path.of("target", "proof-classpath.txt");
		if (!Files.exists(file)) {
			throw new IllegalStateException("Run the proofs with mvn -Pproof (it writes " + file + ")");
		}
		return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + Files.readString(file).trim();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Waits until the node serves (readiness without the outbox backlog). */
	AppNode awaitServing(Duration within) {
		try {
			await().atMost(within).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException("node " + name + " exited; see " + log);
					}
					return get("/actuator/health/serving").statusCode() == 200; // IOException: not listening yet
				});
			return this;
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("node " + name + " not serving within " + within + "; see " + log);
		}
	}

	/** SIGKILL: no shutdown hook runs, nothing is finished or handed back. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** A normal stop (SIGTERM), at the end of a run. */
	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	boolean alive() {
		return process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", BASIC).timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", BASIC)
			.header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An inbound SMS as Twilio posts it, signed with the account's auth token. */
	HttpResponse<String> inbound(String messageSid, String from, String body) throws IOException, InterruptedException {
		Map<String, String> params = Map.of("MessageSid", messageSid, "AccountSid", FakeTwilio.SID, "From", from,
				"To", "+15005550006", "Body", body);
		String form = params.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(uri(WEBHOOK)).header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK, params))
			.timeout(Duration.ofSeconds(30)) // Twilio gives up after 15 s; the harness waits longer to see the answer
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Heap used and the live data left by the last full collection (bytes), and the process's CPU
	 * use (0..1 of the machine), from /actuator/prometheus.
	 */
	record Sample(double heapUsed, double liveData, double cpu) {
	}

	Sample sample() {
		try {
			String text = get("/actuator/prometheus").body();
			double heap = 0;
			Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)").matcher(text);
			while (m.find()) {
				heap += Double.parseDouble(m.group(1));
			}
			Matcher cpu = Pattern.compile("(?m)^process_cpu_usage\\{[^}]*} (\\S+)").matcher(text);
			Matcher live = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes\\{[^}]*} (\\S+)").matcher(text);
			return new Sample(heap, live.find() ? Double.parseDouble(live.group(1)) : Double.NaN,
					cpu.find() ? Double.parseDouble(cpu.group(1)) : Double.NaN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}
}
