package course.cpuio.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.cpuio.SplitJob;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the cpuio.split check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>results combined without waiting for all tasks: only the futures already done are
 *       added; a short {@code awaitTermination} whose answer is ignored; {@code getNow(0)}.
 *       Caught by {@code runsOnePartPerCore} (run returns while held parts still run, or with a
 *       sum short of the parts' results) and by {@code waitsForEveryPart}: the last part is held
 *       until run returns or the caller is seen waiting, so run returns without it;
 *   <li>a shared non-thread-safe accumulator, read before the work is called
 *       ({@code total[0] += work.count(..)}, or an AtomicLong's {@code set(get() + ..)}):
 *       caught by {@code runsOnePartPerCore}, whose parts are held until one per core runs, so
 *       every held part has read the total before any writes it;
 *   <li>a failed part swallowed (the ExecutionException caught and skipped): caught by
 *       {@code failsWhenAPartFails};
 *   <li>unbounded threads (a cached pool, a virtual thread per part) and too few (a single
 *       thread): caught by {@code runsOnePartPerCore} (peak concurrency above or below the cores);
 *   <li>a pool never shut down, or shut down only when all went well: caught by
 *       {@code leavesNoThreads};
 *   <li>the remainder of the division dropped: caught by {@code coversTheRangeOnce}; parts that
 *       overlap on their ends: caught by {@code runsOnePartPerCore} (a sum above the total) and
 *       by {@code coversTheRangeOnce}.
 * </ul>
 *
 * <p>Not forced: a shared total added to after the work returns ({@code long r =
 * work.count(..); total[0] += r}). The read and the write are then both in the answer's code,
 * after the check has let go, and only a natural race can catch it: measured below, not
 * asserted (caught in 0 of 200 runs on the build machine). The chapter says so.
 */
class SplitCheckIT {

    private static final String PREFIX = "course.cpuio.exercises.";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(SplitAnswers.SharedTotalInTasks.class, "a lost update"),
                Arguments.of(SplitAnswers.AtomicGetThenSet.class, "a lost update"),
                Arguments.of(SplitAnswers.SumsOnlyDoneFutures.class, "without waiting"),
                Arguments.of(SplitAnswers.ShortAwaitTermination.class, "without waiting"),
                Arguments.of(SplitAnswers.CompletableGetNow.class, "results were lost"),
                Arguments.of(SplitAnswers.SwallowsFailedPart.class, "swallowed"),
                Arguments.of(SplitAnswers.ThreadPerPart.class, "one thread per core"),
                Arguments.of(SplitAnswers.VirtualThreadPerPart.class, "one thread per core"),
                Arguments.of(SplitAnswers.SingleThreadPool.class, "all at once"),
                Arguments.of(SplitAnswers.PoolNeverShutDown.class, "shut the pool down"),
                Arguments.of(SplitAnswers.PoolLeaksOnFailure.class, "every path out of run"),
                Arguments.of(SplitAnswers.DropsTheRemainder.class, "no part covers"),
                Arguments.of(SplitAnswers.OverlappingParts.class, "counted twice"));
    }

    static Stream<Class<? extends SplitJob>> rightAnswers() {
        return Stream.of(
                CoreSplitter.class, // the reference solution under -Psolution; the starter otherwise
                SplitAnswers.InvokeAll.class,
                SplitAnswers.CompletableJoin.class,
                SplitAnswers.ParallelStream.class,
                SplitAnswers.LongAdderShared.class,
                SplitAnswers.CompletionService.class,
                SplitAnswers.ThreadsWithOwnSlots.class);
    }

    /** {@code -Dcatch.only=NameA,NameB} measures only those answers (all of them by default). */
    static boolean selected(Class<?> answer) {
        String only = System.getProperty("catch.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(answer.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends SplitJob> answer, String explanation) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, SplitCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends SplitJob> answer) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        if (answer == CoreSplitter.class && !System.getProperty("course.exercise.sources", "").contains("solutions")) {
            return; // the starter is not a right answer
        }
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, SplitCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }

    /** The one wrong answer no check can force: reported as a measured rate, never asserted. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void measuresTheNaturalRaceOfATotalAddedAfterTheWork() {
        CatchRate.measure("06-cpu-vs-io", "SharedTotalAfterWork (natural race, not asserted)",
                () -> Isolated.run(PREFIX, SplitCheck.class, "all", SplitAnswers.SharedTotalAfterWork.class));
    }
}
