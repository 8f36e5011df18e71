package course.deadlock.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.deadlock.TimedTransfer;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the deadlock.trylock check: every plausible wrong answer is caught on every run, and
 * right answers written in other ways pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>blocking locks in argument order (the starter): a deadlock of the two opposite transfers,
 *       found by ThreadMXBean; and, while another thread holds a lock, a wait in lock() that the
 *       timeout can never end;
 *   <li>tryLock with no back-off: a livelock in lockstep (200 failed tries, no progress);
 *   <li>timed tryLocks retried at once: they collide in step, a few milliseconds a round: 200
 *       failed tries (a livelock) or both giving up at their timeout, whichever comes first;
 *   <li>a failed second tryLock (timed) that keeps the first lock: the two opposite transfers
 *       each keep one lock and both give up at their timeout; alone against a held lock, GAVE_UP
 *       with a lock still held;
 *   <li>the textbook listing's inverted time check: GAVE_UP after the first collision, long before
 *       the timeout;
 *   <li>no deadline at all: still trying when the check's limit comes, while another thread holds a lock;
 *   <li>back-off while holding the first lock: the two opposite transfers fail try after try (a
 *       livelock with the locks held);
 *   <li>the balance checked before the locks: an overdraft of two transfers out of one account;
 *   <li>a transfer to itself that tries its own lock twice: GAVE_UP, with a note that it tried a
 *       lock it held;
 *   <li>a transfer to itself that reads both balances and writes both: money made;
 *   <li>sixty rounds of tries at most: GAVE_UP long before a 2 s timeout while another thread
 *       holds account 2 for its first 300 ms (or, on a fast machine, before half the 100 ms timeout
 *       while another thread holds it for good);
 *   <li>a give-up at the first lock found taken: GAVE_UP at once, in the opposite transfers;
 *   <li>the deadline from Duration.getNano() (0 for 2 s): GAVE_UP before the timeout;
 *   <li>one lock at a time, each tried until the deadline, a refund if the target never comes:
 *       interrupted while it tries the target, the money has left the source; else the stress
 *       property sees a balance read holding one account's lock and not the other's;
 *   <li>the back-off's InterruptedException caught and ignored: interrupted 100 ms in, while another
 *       thread holds account 2, it carries on until its 2 s timeout;
 *   <li>a timed tryLock of the target, holding the source, outside the try: interrupted as soon as it
 *       waits there, it throws with the source still locked;
 *   <li>the deadline kept in a field of the shared transfer object: a 50 ms transfer of free accounts,
 *       started while a 2 s one waits for a busy account, cuts the long one short (GAVE_UP before its
 *       timeout);
 *   <li>the whole transfer synchronized: that 50 ms transfer waits for the monitor while the other
 *       backs off, and has not ended long after its timeout;
 *   <li>a transfer to itself that tries its one lock once: GAVE_UP at once while another thread holds
 *       the account for 30 ms.
 * </ul>
 * And every answer runs a stress property: four threads, a thousand transfers in random
 * directions among five accounts, 2 s each: no deadlock, no transfer that gives up before its
 * time, money kept, no overdraft another transfer could see, and both accounts' locks held at every
 * balance read and write.
 */
class TimedTransferCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(TimedTransferAnswers.BlockingLocks.class, "deadlock"),
                Arguments.of(TimedTransferAnswers.NoBackOff.class, "livelock"),
                Arguments.of(TimedTransferAnswers.TimedTriesNoBackOff.class, "two opposite transfers at once"),
                Arguments.of(TimedTransferAnswers.KeepsTheFirstLock.class, "gave up"),
                Arguments.of(TimedTransferAnswers.InvertedTimeCheck.class, "long before its timeout"),
                Arguments.of(TimedTransferAnswers.IgnoresTheTimeout.class, "did not finish"),
                Arguments.of(TimedTransferAnswers.BacksOffHoldingTheFirst.class, "livelock"),
                Arguments.of(TimedTransferAnswers.CheckBeforeLocking.class, "out of account 1"),
                Arguments.of(TimedTransferAnswers.SelfTransferTriesTwice.class, "already held"),
                Arguments.of(TimedTransferAnswers.SelfTransferDoubleCounts.class, "to itself"),
                Arguments.of(TimedTransferAnswers.FixedRetries.class, "before its timeout"),
                Arguments.of(TimedTransferAnswers.GivesUpAtTheFirstCollision.class, "before its timeout"),
                Arguments.of(TimedTransferAnswers.DeadlineFromGetNano.class, "before its timeout"),
                Arguments.of(TimedTransferAnswers.OneLockAtATime.class, "and not account|nothing moves without both locks"),
                Arguments.of(TimedTransferAnswers.SwallowsTheInterrupt.class, "The interrupt was lost"),
                Arguments.of(TimedTransferAnswers.TimedWaitOutsideTheTry.class, "still locked"),
                Arguments.of(TimedTransferAnswers.DeadlineInAField.class, "before its timeout"),
                Arguments.of(TimedTransferAnswers.SynchronizedTransfer.class, "has not ended"),
                Arguments.of(TimedTransferAnswers.SelfTransferTriesOnce.class, "to itself"));
    }

    static Stream<Class<? extends TimedTransfer>> rightAnswers() {
        return Stream.of(
                TimedTransferAnswers.Solution.class,
                TimedTransferAnswers.TimedTriesWithBackOff.class,
                TimedTransferAnswers.OrderedWithTimeouts.class,
                TimedTransferAnswers.ParksAndChecksTheInterrupt.class,
                TimedTransferAnswers.TellerThenIdOrder.class,
                TimedTransferAnswers.DoublingJitter.class,
                TryLockTransfer.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends TimedTransfer> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(),
                () -> Isolated.run("course.deadlock.exercises.", TimedTransferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends TimedTransfer> answer) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(),
                () -> Isolated.run("course.deadlock.exercises.", TimedTransferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
