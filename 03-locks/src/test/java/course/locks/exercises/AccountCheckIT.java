package course.locks.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import course.locks.Account;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the locks.account check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>no lock (the starter): the two calls meet inside the ledger;
 *   <li>{@code unlock()} not in a finally: after the ledger's failed write the calling thread
 *       still holds the lock (seen with ThreadMXBean, before any other caller can hang on it);
 *   <li>{@code unlock()} by hand before each return, one forgotten on the early return: the
 *       thread still holds the lock after {@code withdraw} returned false;
 *   <li>{@code lockInterruptibly()} inside the try: the interrupted waiter throws
 *       IllegalMonitorStateException from its finally instead of InterruptedException;
 *   <li>a new lock per call: the two calls meet inside the ledger;
 *   <li>{@code lock()} instead of {@code lockInterruptibly()}, or {@code synchronized}: the
 *       interrupted waiter waits on (seen parked again, or blocked on the holder's monitor);
 *   <li>the balance checked before the lock is taken: an overdraft;
 *   <li>the ledger's exception caught and turned into "false": the caller never sees it;
 *   <li>a semaphore released at the end instead of in a finally: the next caller waits for
 *       ever (it is interrupted after one second);
 *   <li>{@code tryLock()} that gives up when the lock is busy: a deposit is dropped.
 * </ul>
 */
class AccountCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(AccountAnswers.NoLock.class, "at the same time"),
                Arguments.of(AccountAnswers.UnlockNotInFinally.class, "finally"),
                Arguments.of(AccountAnswers.UnlockBeforeEachReturn.class, "skipped the unlock()"),
                Arguments.of(AccountAnswers.LockInsideTry.class, "IllegalMonitorStateException"),
                Arguments.of(AccountAnswers.NewLockPerCall.class, "at the same time"),
                Arguments.of(AccountAnswers.PlainLock.class, "went on waiting"),
                Arguments.of(AccountAnswers.SynchronizedMethods.class, "went on waiting"),
                Arguments.of(AccountAnswers.CheckOutsideLock.class, "two withdrawals"),
                Arguments.of(AccountAnswers.SwallowsLedgerFailure.class, "must see the LedgerUnavailableException"),
                Arguments.of(AccountAnswers.SemaphoreReleaseNotInFinally.class, "never gave back"),
                Arguments.of(AccountAnswers.TryLockGivesUp.class, "deposits of 40"));
    }

    static Stream<Class<? extends Account>> rightAnswers() {
        return Stream.of(
                LockedAccount.class,
                AccountAnswers.ReentrantLockHelper.class,
                AccountAnswers.FairLock.class,
                AccountAnswers.SemaphoreAccount.class,
                AccountAnswers.MonitorMutex.class,
                AccountAnswers.ReadWriteLockAccount.class,
                AccountAnswers.TimedTryLockLoop.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Account> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", AccountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Account> answer) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", AccountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
