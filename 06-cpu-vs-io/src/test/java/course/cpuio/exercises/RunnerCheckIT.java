package course.cpuio.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.cpuio.ProcessRunner;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the cpuio.runner check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run. The workers are real JVMs, so each run of a
 * check starts about a dozen of them.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>a runner that reads only the wall clock (the article's mistake): caught by
 *       {@code refusesACrashedWorker}, whose worker cannot find its main class and dies at start-up;
 *   <li>a runner that checks exit statuses but trusts the output: caught by {@code refusesAWrongResult};
 *   <li>a runner that checks the output but not the exit status: caught by {@code refusesANonZeroExit};
 *   <li>a runner that refuses only when every worker failed: caught by {@code refusesACrashedWorker};
 *   <li>a runner that blames every worker, the good ones too: caught by {@code refusesACrashedWorker};
 *   <li>a clock stopped when the last process was started, not when it ended: caught by
 *       {@code reportsResultsAndTime}, whose last worker is held, once it has started, for longer
 *       than everything before it took (so however slowly the processes were started);
 *   <li>workers started one after another: caught by {@code startsAllBeforeWaiting}, whose two
 *       workers each wait for the other to be running.
 * </ul>
 */
class RunnerCheckIT {

    private static final String PREFIX = "course.cpuio.exercises.";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(RunnerAnswers.WallClockOnly.class, "18.59x"),
                Arguments.of(RunnerAnswers.ExitStatusOnly.class, "wrong-range"),
                Arguments.of(RunnerAnswers.ResultOnly.class, "failed-late"),
                Arguments.of(RunnerAnswers.RefusesOnlyIfAllFailed.class, "18.59x"),
                Arguments.of(RunnerAnswers.BlamesEveryone.class, "Name only the workers that failed"),
                Arguments.of(RunnerAnswers.TimesOnlyTheStarts.class, "the clock must stop"),
                Arguments.of(RunnerAnswers.OneAfterAnother.class, "never ran at the same time"));
    }

    static Stream<Class<? extends ProcessRunner>> rightAnswers() {
        return Stream.of(
                CheckedRunner.class, // the reference solution under -Psolution; the starter otherwise
                RunnerAnswers.PipesReadByVirtualThreads.class,
                RunnerAnswers.OnExitFutures.class);
    }

    /** {@code -Dcatch.only=NameA,NameB} measures only those answers (all of them by default). */
    static boolean selected(Class<?> answer) {
        String only = System.getProperty("catch.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(answer.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends ProcessRunner> answer, String explanation) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, RunnerCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends ProcessRunner> answer) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        if (answer == CheckedRunner.class && !System.getProperty("course.exercise.sources", "").contains("solutions")) {
            return; // the starter is not a right answer
        }
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, RunnerCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
