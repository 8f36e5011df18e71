package course.kit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The behaviour behind {@link Exercise}: checks the id against the register, turns any
 * failure into an {@link ExerciseFailure} the learner can act on, and fails a test that
 * leaves threads running behind it. A test that aborts itself (a {@link TestAbortedException}:
 * a check that cannot judge on a machine this busy) stays aborted, with its own reason: JUnit
 * reports it as skipped, not failed.
 */
public final class ExerciseExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExerciseExtension.class);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(1);

    @Override
    public void beforeAll(ExtensionContext context) {
        info(context); // fails the class at once if the id is not in the register
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("threads", LeftoverThreads.snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).get("threads");
        List<Thread> leftovers = LeftoverThreads.since(before, LEFTOVER_GRACE);
        if (!leftovers.isEmpty() && context.getExecutionException().isEmpty()) {
            throw ExerciseFailure.of(info(context), new AssertionError(
                    "the test is over but these threads still run (a thread or pool your code started and"
                            + " never stopped, or a thread stuck for good):\n" + StuckThreads.describe(leftovers)));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        if (Boolean.getBoolean("course.trace")) {
            error.printStackTrace();
        }
        if (error instanceof TestAbortedException) {
            // A check that could not judge (a machine too busy, say) skips itself, with its reason:
            // reported as skipped, never as the learner's failure.
            throw error;
        }
        throw ExerciseFailure.of(info(context), error);
    }

    private static ExerciseInfo info(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Exercise exercise = testClass.getAnnotation(Exercise.class);
        if (exercise == null && testClass.getEnclosingClass() != null) {
            exercise = testClass.getEnclosingClass().getAnnotation(Exercise.class);
        }
        if (exercise == null) {
            throw new IllegalStateException(testClass.getName() + " has no @Exercise");
        }
        return ExerciseRegister.load().get(exercise.value());
    }
}
