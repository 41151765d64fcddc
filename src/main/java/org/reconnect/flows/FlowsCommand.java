package org.reconnect.flows;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The flow validator for the command line and CI, without starting the service:
 * {@code flows validate <directory or file>...} prints every error and warning and exits 1 when
 * any flow would not load.
 */
public final class FlowsCommand {

	private FlowsCommand() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2 || !args[0].equals("validate")) {
			System.err.println("usage: flows validate <directory or file>...");
			System.exit(2);
		}
		int errors = validate(List.of(args).subList(1, args.length).stream().map(Path::of).toList(), System.out);
		if (errors > 0) {
			System.exit(1);
		}
	}

	/** @return how many files had errors */
	static int validate(List<Path> paths, PrintStream out) throws IOException {
		FlowReader reader = new FlowReader();
		int files = 0;
		int errors = 0;
		int warnings = 0;
		for (Path file : expand(paths)) {
			files++;
			try {
				FlowDefinition flow = reader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
				for (String warning : flow.warnings()) {
					out.println("warning: " + warning);
					warnings++;
				}
			}
			catch (FlowInvalid ex) {
				out.println("error: " + ex.getMessage());
				errors++;
			}
		}
		out.println(files + " flows checked: " + errors + " with errors, " + warnings + " warnings");
		return errors;
	}

	private static List<Path> expand(List<Path> paths) throws IOException {
		List<Path> files = new java.util.ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.list(path)) {
					listing.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
				}
			}
			else {
				files.add(path);
			}
		}
		return files;
	}
}
