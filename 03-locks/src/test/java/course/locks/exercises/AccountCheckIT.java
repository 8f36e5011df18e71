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
 * <p>Wrong answers and what catches them. Whether calls made at once behave as if made one at a
 * time is explored (a model checker tries their interleavings): the message gives the promise,
 * what the calls returned and the interleaving, and names no mistake.
 * <ul>
 *   <li>no lock (the starter), a new lock per call, the balance checked before the lock is
 *       taken, a home-made lock on a volatile flag tested then set, a lock field replaced by
 *       each caller, a read lock for withdrawals, the overdraft decided on a balance read
 *       before the lock: two withdrawals of 60 from 100 both succeed;
 *   <li>one lock for deposits and another for withdrawals, or a lock chosen by the amount: a
 *       deposit and a withdrawal made at once lose one of them;
 *   <li>{@code tryLock()} that gives up when the lock is busy: a deposit dropped (both deposits
 *       "ran", the ledger holds 140); only for withdrawals: a withdrawal of 40 refused from 100;
 *       {@code tryLock()} three times, then giving up: a deposit throws;
 *   <li>a timed {@code tryLock} that gives up when it runs out: the caller waiting behind a
 *       withdrawal held inside the ledger returns false while that withdrawal is under way;
 *   <li>{@code unlock()} not in a finally: after the ledger's failed write the calling thread
 *       still holds the lock (seen with ThreadMXBean, before any other caller can hang on it);
 *   <li>{@code unlock()} by hand before each return, one forgotten on the early return: the
 *       thread still holds the lock after {@code withdraw} returned false;
 *   <li>{@code lockInterruptibly()} inside the try: the interrupted waiter throws
 *       IllegalMonitorStateException from its finally instead of InterruptedException;
 *   <li>{@code lock()} instead of {@code lockInterruptibly()}, or {@code synchronized}: the
 *       interrupted waiter waits on (seen parked again, or blocked on the holder's monitor); so
 *       does one that takes {@code lock()} only in {@code balance()}, or looks at the interrupt
 *       flag before a {@code lock()} in {@code deposit()}: a waiting call of each kind is interrupted;
 *   <li>{@code balance()} with no lock: it returns while a withdrawal is inside the ledger's write;
 *   <li>{@code balance <= amount}: a withdrawal of exactly the balance is refused;
 *   <li>the ledger's exception caught and turned into "false": the caller never sees it;
 *   <li>a semaphore released at the end instead of in a finally: the next caller waits for
 *       ever (it is interrupted after one second).
 * </ul>
 */
class AccountCheckIT {

    private static final String OVERDRAWN = "two withdrawals of 60 from a balance of 100, made at once, must leave"
            + " one success and 40 in the ledger; but in one interleaving thread 1 withdraw60() returned true,"
            + " thread 2 withdraw60() returned true";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(AccountAnswers.NoLock.class, OVERDRAWN),
                Arguments.of(AccountAnswers.UnlockNotInFinally.class, "finally"),
                Arguments.of(AccountAnswers.UnlockBeforeEachReturn.class, "skipped the unlock()"),
                Arguments.of(AccountAnswers.LockInsideTry.class, "IllegalMonitorStateException"),
                Arguments.of(AccountAnswers.NewLockPerCall.class, OVERDRAWN),
                Arguments.of(AccountAnswers.PlainLock.class, "went on waiting"),
                Arguments.of(AccountAnswers.SynchronizedMethods.class, "went on waiting"),
                Arguments.of(AccountAnswers.CheckOutsideLock.class, OVERDRAWN),
                Arguments.of(AccountAnswers.SwallowsLedgerFailure.class, "must see the LedgerUnavailableException"),
                Arguments.of(AccountAnswers.SemaphoreReleaseNotInFinally.class, "never gave back"),
                Arguments.of(AccountAnswers.TryLockGivesUp.class, "two deposits of 40 on a balance of 100, made at once,"
                        + " must both count and leave 180; but in one interleaving thread 1 deposit40() ran,"
                        + " thread 2 deposit40() ran, then ledgerBalance() returned 140"),
                Arguments.of(AccountAnswers.VolatileFlagLock.class, OVERDRAWN),
                Arguments.of(AccountAnswers.LockPerKindOfCall.class, "a deposit of 40 and a withdrawal of 60"),
                Arguments.of(AccountAnswers.LockPerAmount.class, "a deposit of 40 and a withdrawal of 60"),
                Arguments.of(AccountAnswers.LockReplacedInside.class, OVERDRAWN),
                Arguments.of(AccountAnswers.OverdraftDecidedOutsideLock.class, OVERDRAWN),
                Arguments.of(AccountAnswers.ReadLockForWithdrawals.class, OVERDRAWN),
                Arguments.of(AccountAnswers.WithdrawalRefusedWhenBusy.class, "withdraw60() returned false"),
                Arguments.of(AccountAnswers.TimedTryLockGivesUp.class, "gave up"),
                Arguments.of(AccountAnswers.TryLockThreeTimes.class, "two deposits of 40"),
                Arguments.of(AccountAnswers.BalanceReadWithoutTheLock.class, "A read needs the lock too"),
                Arguments.of(AccountAnswers.BalanceWaitsUninterruptibly.class, "a caller of balance() waiting"),
                Arguments.of(AccountAnswers.InterruptLookedAtBeforeLock.class, "a caller of deposit(20) waiting"),
                Arguments.of(AccountAnswers.RefusesTheWholeBalance.class, "withdraw(30) from a balance of 30"));
    }

    static Stream<Class<? extends Account>> rightAnswers() {
        return Stream.of(
                LockedAccount.class,
                AccountAnswers.ReentrantLockHelper.class,
                AccountAnswers.FairLock.class,
                AccountAnswers.SemaphoreAccount.class,
                AccountAnswers.MonitorMutex.class,
                AccountAnswers.ReadWriteLockAccount.class,
                AccountAnswers.TimedTryLockLoop.class,
                AccountAnswers.StampedLockAccount.class,
                AccountAnswers.ConditionMutex.class,
                AccountAnswers.LockThenMonitorOnLedger.class,
                AccountAnswers.CasFlagParkAndRetry.class);
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
