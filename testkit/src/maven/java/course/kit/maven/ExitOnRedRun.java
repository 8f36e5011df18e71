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
 * when no test ran), and the value of {@code maven.test.failure.ignore} ({@code true}: never fail).
 */
public final class ExitOnRedRun {

    private ExitOnRedRun() {
    }

    public static void main(String[] args) throws IOException {
        Path runFile = Paths.get(args[0]);
        boolean ignoreFailures = args.length > 1 && Boolean.parseBoolean(args[1]);
        if (ignoreFailures || !Files.isRegularFile(runFile)) {
            return;
        }
        Properties run = new Properties();
        try (Reader in = Files.newBufferedReader(runFile)) {
            run.load(in);
        }
        if (Integer.parseInt(run.getProperty("failed", "0")) == 0) {
            return;
        }
        System.out.flush();
        if (System.getProperty("mvnd.home") != null) {
            // The Maven daemon would die with the build: fail the Maven way instead.
            throw new IllegalStateException("there are failing exercise tests (see above)");
        }
        System.exit(1);
    }
}
