package course.kit.watch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The learner's record of one module, {@code <module>/target/exercise-status.properties}: the
 * file the kit's ProgressListener writes at the end of every exercise run, with the same keys
 * (exercise ids) and values ({@code passed}, {@code failed}). The watch mode writes it where a
 * run ends before ProgressListener can: at the first failed test, and when a run is stopped
 * because it hangs.
 */
final class LearnerRecord {

    private static final String FILE = "exercise-status.properties";

    private final Path file;

    private LearnerRecord(Path file) {
        this.file = file;
    }

    static LearnerRecord in(Path moduleDir) {
        return new LearnerRecord(moduleDir.resolve("target").resolve(FILE));
    }

    boolean passed(String exercise) {
        return "passed".equals(read().getProperty(exercise));
    }

    synchronized void write(String exercise, boolean passed) {
        Properties status = read();
        status.setProperty(exercise, passed ? "passed" : "failed");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                status.store(out, "exercise results of the last runs (written by the course test kit)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties read() {
        Properties status = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                status.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return status;
    }
}
