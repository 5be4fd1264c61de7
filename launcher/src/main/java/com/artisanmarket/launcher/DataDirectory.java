package com.artisanmarket.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory of a local marketplace. It holds the database file, the token
 * signing key, the generated admin password and every part's log, so only its owner may
 * enter it: it is created {@code rwx------}, and an existing one that others could read
 * is closed, which also closes every file inside whatever its own permissions.
 */
final class DataDirectory {

	/** Marks a directory as ours, so that {@code up --fresh} wipes only ours. */
	static final String MARKER = ".marketplace-data";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private DataDirectory() {
	}

	/**
	 * Creates the data directory when missing, makes it its owner's only, and marks it as
	 * ours.
	 * @param dataDir the directory
	 */
	static void prepare(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			if (Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class)) {
				Files.setPosixFilePermissions(dataDir, OWNER_ONLY);
			}
			Path marker = dataDir.resolve(MARKER);
			if (!Files.exists(marker)) {
				Files.writeString(marker, "Data of the artisan marketplace; ./marketplace up --fresh wipes it.\n");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot create the data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

}
