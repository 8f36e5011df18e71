package course.refcount.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.refcount.LeakDetector;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the refcount.leak-report check: every plausible wrong answer is caught on every run,
 * right answers written differently pass every run. The check is about reachability, not about
 * what the JIT learned, so it runs without {@code Isolated} (and with one cleaner).
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>watches nothing (the starter): the forgotten resource is collected and never reported;
 *   <li>the cleaning action is a lambda that mentions the resource, or an anonymous class that
 *       keeps it in a field: the resource never becomes unreachable;
 *   <li>a list of open resources: the same;
 *   <li>the record of "where" made in the cleaning action: it shows the cleaner's thread, not the creator;
 *   <li>no record of "where" at all: the same check;
 *   <li>close() that does nothing: the released resource is reported after collection;
 *   <li>close() that calls clean() without disarming: the released resource is reported at close;
 *   <li>a WeakHashMap of open resources and no cleaner: nothing ever reports;
 *   <li>one "closed" flag for the whole detector: with many trackers, closing one disarms the
 *       reports of the others;
 *   <li>the record of "where" made at the first track() only: a resource made in another method
 *       is reported with the first one's place;
 *   <li>the description kept in a field of the detector: every report says the last one tracked;
 *   <li>the tracker registered with the cleaner instead of the resource: while the owner keeps
 *       the tracker, the dropped resource is never reported;
 *   <li>a tracker that keeps the resource until close(): an owner that keeps its tracker keeps the
 *       resource reachable;
 *   <li>a Cleaner of its own for each resource: the report comes from another thread than the given
 *       cleaner's;
 *   <li>one report per description: of two forgotten resources with one description, one is never
 *       reported.
 * </ul>
 */
class LeakReporterCheckIT {

    @BeforeAll
    static void startTheChecksCleaner() {
        LeakReporterCheck.cleaner();
    }

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(LeakAnswers.WatchesNothing.class, "nothing reported it"),
                Arguments.of(LeakAnswers.ActionMentionsResource.class, "never became unreachable"),
                Arguments.of(LeakAnswers.AnonymousActionHoldsResource.class, "never became unreachable"),
                Arguments.of(LeakAnswers.KeepsAList.class, "never became unreachable"),
                Arguments.of(LeakAnswers.TraceMadeInAction.class, "does not say where"),
                Arguments.of(LeakAnswers.NoTrace.class, "does not say where"),
                Arguments.of(LeakAnswers.CloseDoesNothing.class, "its tracker was closed"),
                Arguments.of(LeakAnswers.CloseCleansUndisarmed.class, "reported it as a leak"),
                Arguments.of(LeakAnswers.WeakMapNoCleaner.class, "nothing reported it"),
                Arguments.of(LeakAnswers.OneFlagForAll.class, "nothing reported it"),
                Arguments.of(LeakAnswers.FirstTraceForAll.class, "does not say so"),
                Arguments.of(LeakAnswers.LastDescription.class, "nothing reported it"),
                Arguments.of(LeakAnswers.WatchesTheTracker.class, "nothing reported it"),
                Arguments.of(LeakAnswers.TrackerKeepsTheResource.class, "trackers were still kept"),
                Arguments.of(LeakAnswers.OwnCleanerPerResource.class, "not on the thread of the Cleaner given"),
                Arguments.of(LeakAnswers.OneReportPerDescription.class, "two leaks, two reports"));
    }

    static Stream<Class<? extends LeakDetector>> rightAnswers() {
        return Stream.of(LeakAnswers.FlagOnly.class, LeakAnswers.RecordAction.class, LeakAnswers.SwapsTheChannel.class,
                LeakAnswers.TrackerIsTheAction.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends LeakDetector> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> LeakReporterCheck.all(answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends LeakDetector> answer) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> LeakReporterCheck.all(answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
