package org.reconnect.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded stores' data directory and files, readable by the user the service runs as and no
 * one else (POSIX 700 and 600; elsewhere left as the file system makes them). The stores hold
 * people's names, numbers and messages, and the embedded MongoDB-wire server has no password.
 */
final class OwnerOnly {

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private OwnerOnly() {
	}

	static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** Creates the directory owner-only, or makes an existing one so, and each file in it. */
	static Path directory(Path dir) throws IOException {
		if (!posix()) {
			return Files.createDirectories(dir);
		}
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
		}
		Files.setPosixFilePermissions(dir, DIRECTORY);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				if (Files.isRegularFile(file)) {
					file(file);
				}
			}
		}
		return dir;
	}

	/** Makes an existing file owner-only. */
	static void file(Path file) throws IOException {
		if (posix() && Files.isRegularFile(file)) {
			Files.setPosixFilePermissions(file, FILE);
		}
	}

	/** Writes a new file that is owner-only from its first byte. */
	static void write(Path file, String content) throws IOException {
		if (posix()) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
		}
		Files.writeString(file, content, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
	}
}
