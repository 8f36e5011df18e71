package course.kit.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Runs inside Maven, right after a lesson's tests (exec:java in the root pom's lesson profile),
 * and ends a red run with exit status 1.
 *
 * <p>Surefire is told to carry on after failing tests, so that Maven prints none of its own
 * failure report: the last lines of a red run are the learner's progress and next step, which
 * the test kit printed. This class then gives the run the exit status a red run must have. It
 * is compiled for Java 11, because Maven itself may run on an older Java than the course's.
 *
 * <p>Arguments: the run file the test kit wrote ({@code target/exercise-run.properties}; absent
 * when no test ran), the value of {@code maven.test.failure.ignore} ({@code true}: never fail),
 * the value of {@code -Dtest} (empty when not given), and the module: a {@code -Dtest} that ran
 * no test of a lesson is a typo (or names another module's test), and must not look like a pass.
 */
public final class ExitOnRedRun {

    private ExitOnRedRun() {
    }

    public static void main(String[] args) throws IOException {
        Path runFile = Paths.get(args[0]);
        boolean ignoreFailures = Boolean.parseBoolean(argument(args, 1, "false"));
        String selectedTests = argument(args, 2, "").trim();
        String module = argument(args, 3, "this lesson");
        if (ignoreFailures) {
            return;
        }
        if (!Files.isRegularFile(runFile)) {
            // -Dtest=NONE is the usual way to run no unit test (and only the ITs): not a typo
            if (!selectedTests.isEmpty() && !selectedTests.equalsIgnoreCase("NONE")) {
                end("No test of " + module + " matches -Dtest=" + selectedTests + ". Name a *Test class of the"
                        + " module you give with -pl, for example ./mvnw test -pl 02-race -Dtest=AccountTest");
            }
            return;
        }
        Properties run = new Properties();
        try (Reader in = Files.newBufferedReader(runFile)) {
            run.load(in);
        }
        if (Integer.parseInt(run.getProperty("failed", "0")) == 0) {
            return;
        }
        end(null);
    }

    /** exec:java passes an empty property as null, or leaves it out. */
    private static String argument(String[] args, int index, String otherwise) {
        return index < args.length && args[index] != null ? args[index] : otherwise;
    }

    /** Ends Maven with exit status 1, after {@code message} if there is one. */
    private static void end(String message) {
        if (message != null) {
            System.out.println(message);
        }
        System.out.flush();
        if (System.getProperty("mvnd.home") != null) {
            // The Maven daemon would die with the build: fail the Maven way instead.
            throw new IllegalStateException(message != null ? message : "there are failing exercise tests (see above)");
        }
        System.exit(1);
    }
}
