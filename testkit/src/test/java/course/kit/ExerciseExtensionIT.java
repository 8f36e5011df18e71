package course.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * What {@link ExerciseExtension} makes of a test's outcome, seen through a JUnit run of a small
 * {@link Exercise} class: a failure becomes the learner's message; a test that aborts itself (a
 * check that cannot judge on a busy machine) stays aborted, with its own reason.
 */
class ExerciseExtensionIT {

    /** Run only by the tests below, through their own launcher. */
    private static volatile boolean launched;

    @Exercise("cpuio.split")
    static class AnExerciseTest {

        @BeforeEach
        void onlyWhenLaunchedByTheIT() {
            Assumptions.assumeTrue(launched, "run by ExerciseExtensionIT only");
        }

        @Test
        void couldNotJudge() {
            Assumptions.abort("could not judge: the machine is too busy (load average 9.0 on 2 cores)");
        }

        @Test
        void wrongAnswer() {
            throw new AssertionError("lost 3 of 10 updates");
        }
    }

    @Test
    void anAbortedCheckIsReportedAsSkippedWithItsReason() {
        Map<String, TestExecutionResult> results = run(AnExerciseTest.class);

        TestExecutionResult aborted = results.get("couldNotJudge()");
        assertThat(aborted.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(aborted.getThrowable().orElseThrow()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("could not judge: the machine is too busy");
    }

    @Test
    void aFailureIsReportedAsTheExercisesFailure() {
        Map<String, TestExecutionResult> results = run(AnExerciseTest.class);

        TestExecutionResult failed = results.get("wrongAnswer()");
        assertThat(failed.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(failed.getThrowable().orElseThrow()).isInstanceOf(ExerciseFailure.class)
                .hasMessageContaining("Exercise cpuio.split").hasMessageContaining("lost 3 of 10 updates");
    }

    /** Runs {@code testClass} through a launcher of its own, without the progress record. */
    private static Map<String, TestExecutionResult> run(Class<?> testClass) {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false) // no ProgressListener: no status file written
                .build());
        launched = true;
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest()) {
                                results.put(test.getDisplayName(), result);
                            }
                        }
                    });
        } finally {
            launched = false;
        }
        assertThat(results).as("tests run").containsKeys("couldNotJudge()", "wrongAnswer()");
        return results;
    }
}
