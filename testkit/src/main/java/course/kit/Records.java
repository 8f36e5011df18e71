package course.kit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The files a test run leaves in its module's {@code target/}:
 * <ul>
 * <li>{@code exercise-status.properties}, the learner's record: for each exercise of the module,
 *     passed or failed in the last run that ran it on the learner's own sources;</li>
 * <li>{@code exercise-status-solutions.properties}, the same for runs on the reference solutions
 *     ({@code -Psolution}), so that those never touch the learner's record;</li>
 * <li>{@code exercise-run.properties}, how many tests failed in this run: Maven reads it after
 *     the tests to end a red run with exit status 1 (see {@code course.kit.maven.ExitOnRedRun}).</li>
 * </ul>
 */
public final class Records {

    static final String LEARNER = "exercise-status.properties";
    static final String SOLUTIONS = "exercise-status-solutions.properties";
    static final Path RUN = Path.of("target", "exercise-run.properties");
    private static final String RECORD_COMMENT = "exercise results of the last runs (written by the course test kit)";

    private Records() {
    }

    /** The record this run writes: the solutions' when Maven built the reference solutions, else the learner's. */
    static String ofThisRun() {
        return System.getProperty("course.exercise.sources", "").contains("solutions") ? SOLUTIONS : LEARNER;
    }

    /** Test runs start in a module's directory; the course is its parent. */
    static Path courseRoot() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Has the learner's last run of {@code exercise}, in the module at {@code moduleDir}, passed? */
    public static boolean learnerPassed(Path moduleDir, String exercise) {
        return "passed".equals(read(moduleDir.resolve("target").resolve(LEARNER)).getProperty(exercise));
    }

    /** Records one result in the learner's record of the module at {@code moduleDir}. */
    public static synchronized void recordForLearner(Path moduleDir, String exercise, boolean passed) {
        Path record = moduleDir.resolve("target").resolve(LEARNER);
        Properties status = read(record);
        status.setProperty(exercise, passed ? "passed" : "failed");
        write(record, status, RECORD_COMMENT);
    }

    static void writeRun(Map<String, Boolean> passed, int failedTests) {
        Path record = Path.of("target", ofThisRun());
        Properties status = read(record);
        passed.forEach((id, ok) -> status.setProperty(id, ok ? "passed" : "failed"));
        write(record, status, RECORD_COMMENT);
        Properties run = new Properties();
        run.setProperty("failed", Integer.toString(failedTests));
        write(RUN, run, "this run's failed tests (read by Maven to set the exit status)");
    }

    static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void write(Path file, Properties properties, String comment) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, comment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
