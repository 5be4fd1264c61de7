package com.artisanmarket.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 7: the data directory holds the database file, the signing key, the
 * admin password and the logs, so only its owner may enter it.
 */
class DataDirectoryTests {

	@TempDir
	Path parent;

	@Test
	void createsTheDataDirectoryForItsOwnerOnly() throws IOException {
		Path dataDir = this.parent.resolve("data");

		DataDirectory.prepare(dataDir);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		assertThat(dataDir.resolve(DataDirectory.MARKER)).isRegularFile();
	}

	@Test
	void closesAnExistingDataDirectoryThatOthersCouldRead() throws IOException {
		Path dataDir = Files.createDirectories(this.parent.resolve("old-data"));
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

		DataDirectory.prepare(dataDir);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
	}

}
