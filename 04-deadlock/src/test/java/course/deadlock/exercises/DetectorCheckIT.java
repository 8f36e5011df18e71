package course.deadlock.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.deadlock.DeadlockDetector;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the deadlock.detector check: every plausible wrong answer is caught on every run, and
 * right answers written in other ways pass every run. The deadlocks are tied with latches, so
 * they are there on every run; the detector's bean sees only the check's threads, so deadlocks
 * left in the JVM by other tests change nothing.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>no cycles at all (the starter): every deadlock is missed;
 *   <li>findMonitorDeadlockedThreads: cycles through a Mutex are missed;
 *   <li>no null check: findDeadlockedThreads returns null when nothing is deadlocked (an NPE);
 *   <li>getThreadInfo(ids) without the locks: "holds" is empty;
 *   <li>only the monitors held, not the synchronizers: "holds" misses the mutexes;
 *   <li>all deadlocked threads as one cycle: two deadlocks merged (and a tail put in);
 *   <li>the tail kept: a thread waiting on the ring is put in the cycle;
 *   <li>threads sorted by id: not the wait order;
 *   <li>the JVM's own bean instead of the given one: "never asked the ThreadMXBean it was given";
 * </ul>
 * and, by the property over a hundred and sixty made-up wait-for graphs and two large ones
 * ({@link DetectorProperty}), each failure named on the smallest graph the check could cut it
 * down to:
 * <ul>
 *   <li>the threads nobody waits for dropped once: a thread two deep behind a ring is kept in it;
 *   <li>at most eight owners followed: a long ring, or a ring behind a long tail, is missed;
 *   <li>only pairs: rings of three or more are missed (the real knots catch it first);
 *   <li>one walk from the first thread named: a second deadlock is missed (the real knots too);
 *   <li>one visited set for all walks, met again taken for "came round": a chain that runs into
 *       an earlier walk is reported as a ring;
 *   <li>a thread met twice taken for the way into a ring: two chains that join make a "cycle";
 *   <li>the ring followed by the owner's name: two threads of one name are taken for one;
 *   <li>thread ids used as array indexes: a JVM's ids are longs, and grow.
 * </ul>
 */
class DetectorCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(DetectorAnswers.NothingFound.class, "never asked"),
                Arguments.of(DetectorAnswers.MonitorDeadlocksOnly.class, "did not return this cycle"),
                Arguments.of(DetectorAnswers.NoNullCheck.class, "returns null"),
                Arguments.of(DetectorAnswers.WithoutLockedObjects.class, "it holds"),
                Arguments.of(DetectorAnswers.HeldMonitorsOnly.class, "it holds"),
                Arguments.of(DetectorAnswers.OneBigCycle.class, "waits on the ring"),
                Arguments.of(DetectorAnswers.KeepsTheTail.class, "waits on the ring"),
                Arguments.of(DetectorAnswers.SortedById.class, "wait order"),
                Arguments.of(DetectorAnswers.IgnoresTheGivenBean.class, "never asked"),
                Arguments.of(DetectorAnswers.TrimsTheTailOnce.class, "in a cycle, but that thread is in none"),
                Arguments.of(DetectorAnswers.FollowsEightOwners.class, "It missed the cycle"),
                Arguments.of(DetectorAnswers.PairsOnly.class, "did not return this cycle"),
                Arguments.of(DetectorAnswers.FirstThreadOnly.class, "did not return this cycle"),
                Arguments.of(DetectorAnswers.VisitedNeverCleared.class, "in a cycle, but that thread is in none"),
                Arguments.of(DetectorAnswers.MeetingIsACycle.class, "in a cycle, but that thread is in none"),
                Arguments.of(DetectorAnswers.FollowsNames.class, "(id "),
                Arguments.of(DetectorAnswers.IdsAsIndexes.class, "ArrayIndexOutOfBounds"));
    }

    static Stream<Class<? extends DeadlockDetector>> rightAnswers() {
        return Stream.of(
                DetectorAnswers.GraphFromThreadDump.class,
                DetectorAnswers.StartsAtLowestId.class,
                DetectorAnswers.ColoursIterative.class,
                DetectorAnswers.TarjanComponents.class,
                DetectorAnswers.PeelsTheTails.class,
                DetectorAnswers.UnionFind.class,
                DetectorAnswers.TortoiseAndHare.class,
                CycleDetector.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends DeadlockDetector> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(),
                () -> Isolated.run("course.deadlock.exercises.", DetectorCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends DeadlockDetector> answer) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(),
                () -> Isolated.run("course.deadlock.exercises.", DetectorCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
