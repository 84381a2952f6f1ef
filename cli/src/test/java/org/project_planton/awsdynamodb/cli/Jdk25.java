package org.project_planton.awsdynamodb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JDK 25 installed under /usr/lib/jvm (the `release` file says JAVA_VERSION="25..."), for the
 * tests that start JVMs on it. Absent on a machine with one JDK only: those tests then skip.
 */
public final class Jdk25 {

    private static final Path JVMS = Path.of("/usr/lib/jvm");

    private Jdk25() {}

    /** The {@code java} launcher of the first JDK 25 found, if any. */
    public static Optional<Path> java() {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.sorted().filter(Jdk25::isJdk25).map(home -> home.resolve("bin/java"))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isJdk25(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .anyMatch(line -> line.startsWith("JAVA_VERSION=\"25"));
        } catch (IOException e) {
            return false;
        }
    }
}
