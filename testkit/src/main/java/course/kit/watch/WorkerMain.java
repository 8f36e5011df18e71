package course.kit.watch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import course.kit.ExerciseFailure;
import course.kit.ExerciseInfo;
import course.kit.ExerciseRegister;
import course.kit.Interleavings;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The worker JVM of the watch mode. The watcher starts it before the learner saves, with the
 * module's test class path and Surefire's JVM options and system properties, from the module's
 * directory; it loads the JUnit Platform and waits. Told {@code run <test class> <exercise>}, it
 * runs that exercise's test class as Surefire would (the kit's ProgressListener, registered by
 * ServiceLoader, records the result and prints its report), and ends. Every run gets a JVM of
 * its own: the answer's classes are loaded afresh, and nothing an earlier answer left behind
 * (a stuck thread, a held monitor, a compiled method) can touch the next verdict.
 *
 * <p>It talks to the watcher in lines on its standard output that start with {@value #PREFIX}
 * (see {@link WorkerMessage}); whatever the tests print goes to the log file named by the first
 * argument. At the first failed test the verdict is known (the learner's screen shows the first
 * failure, as a Maven run does): the worker records the exercise as failed and halts at once,
 * without running the class's other tests.
 */
public final class WorkerMain {

    static final String PREFIX = "@watch ";

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream watcher = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream log = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        Launcher launcher = LauncherFactory.create();
        warmUp(launcher);
        watcher.println(PREFIX + WorkerMessage.READY);
        String command = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (command == null || !command.startsWith("run ")) {
            System.exit(0); // the watcher let this spare go
        }
        String[] words = command.split(" ");
        ExerciseInfo exercise = ExerciseRegister.load().get(words[2]);
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(words[1])).build(),
                new Reporter(watcher, exercise));
        watcher.println(PREFIX + WorkerMessage.PASSED);
        log.flush();
        System.exit(0);
    }

    /**
     * Loads what every run needs before any answer exists: the launcher, the register, AssertJ,
     * the model checker (see {@link Interleavings#warmUp()}), and the Jupiter engine's discovery and execution, by running {@link WarmUpTest} (a test of
     * the kit, not an exercise) on a launcher of its own that no listener watches, so that it is
     * neither recorded nor reported. No class of the module is loaded.
     */
    private static void warmUp(Launcher launcher) {
        launcher.discover(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(WarmUpTest.class)).build());
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(WarmUpTest.class)).build());
        ExerciseRegister.load();
        Interleavings.warmUp(); // the model checker's first start costs seconds: pay it before the save
        try {
            Class.forName("org.assertj.core.api.Assertions");
        } catch (ClassNotFoundException e) {
            // a module whose checks do without AssertJ
        }
    }

    /** Tells the watcher each test that starts, and ends the run at the first failure. */
    private static final class Reporter implements TestExecutionListener {

        private final PrintStream watcher;
        private final ExerciseInfo exercise;

        Reporter(PrintStream watcher, ExerciseInfo exercise) {
            this.watcher = watcher;
            this.exercise = exercise;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                watcher.println(PREFIX + WorkerMessage.STARTED + " " + test.getDisplayName());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            fail(WorkerMessage.failed(test.getDisplayName(), "the test was skipped: " + reason, false));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return;
            }
            Throwable error = result.getThrowable().orElse(new AssertionError("failed without saying why"));
            boolean aborted = result.getStatus() == TestExecutionResult.Status.ABORTED;
            String what = aborted ? String.valueOf(error.getMessage()) : whatWentWrong(error);
            fail(WorkerMessage.failed(test.getDisplayName(), what, aborted));
        }

        private String whatWentWrong(Throwable error) {
            ExerciseFailure failure = error instanceof ExerciseFailure f ? f : ExerciseFailure.of(exercise, error);
            return failure.whatWentWrong();
        }

        /** Records the exercise as failed, as ProgressListener would at the end of the run, and halts. */
        private void fail(String message) {
            LearnerRecord.in(Path.of("")).write(exercise.id(), false);
            watcher.println(message);
            watcher.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
