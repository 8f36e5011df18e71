package course.race.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import course.race.BankAccount;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the race.withdraw check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>The check explores the interleavings of two withdrawals made at once (Lincheck's model
 * checker, through course.kit.Interleavings), so it names no mistake: each answer below is
 * caught by the interleaving that breaks it, and the message gives what the calls returned.
 * <ul>
 *   <li>check then act with no lock (the starter): two withdrawals of 60 both succeed;
 *   <li>synchronized on a new object, or a new ReentrantLock, per call: the same;
 *   <li>the check outside the lock and the act inside: the same;
 *   <li>the check inside the lock and the act after it: the same;
 *   <li>the read under one lock and the write under another: the same;
 *   <li>a home-made lock on a volatile flag, tested then set: the same;
 *   <li>a lock object replaced inside the lock: the same;
 *   <li>a read lock (shared) held for withdrawals: the same;
 *   <li>one lock for large withdrawals and another for small ones: a withdrawal of 60 and one of 40 lose one;
 *   <li>tryLock that gives up when the lock is busy: a withdrawal refused although the money was there;
 *   <li>a lock per thread (ThreadLocal): two withdrawals of 60 both succeed;
 *   <li>a ReentrantLock not let go when the withdrawal is refused: a withdrawal on another thread waits for ever;
 *   <li>money taken first and put back if that overdrew, with no lock: withdrawals undo each other;
 *   <li>an atomic copy of the balance decides and the vault is written after: the writes land out of order;
 *   <li>a lock on an interned string made of the amount: withdrawals of different amounts run together;
 *   <li>an optimistic withdrawal that retries twice, then says no: a withdrawal of 10 overtaken twice is refused;
 *   <li>a lock on the boxed balance (shared by small equal balances, never by large ones), a spin lock
 *       that gives up after 1000 spins, a tryLock with a timeout: the model checker does not model
 *       time, so real threads stall one withdrawal inside a vault of 1,000,000 while another is made,
 *       and the second goes in beside the first or gives up.
 * </ul>
 */
class AccountCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(AccountAnswers.CheckThenAct.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.SynchronizedOnNewObject.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.NewReentrantLockPerCall.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.CheckOutsideLock.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.LockedCheckUnlockedAct.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.SeparateReadAndWriteLocks.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.VolatileFlagLock.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.LockReplacedInside.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.LockPerSize.class, "a withdrawal of 60 and one of 40"),
                Arguments.of(AccountAnswers.ReadLockForWithdrawals.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.TryLockGivesUp.class, "withdraw40() returned false"),
                // the cached boxes of small balances are caught by the model checker too, when two withdrawals' reads differ
                Arguments.of(AccountAnswers.LockOnBoxedBalance.class, "stalled inside the vault|however often"),
                Arguments.of(AccountAnswers.SpinGivesUp.class, "stalled inside the vault"),
                Arguments.of(AccountAnswers.TimedTryLockGivesUp.class, "the second gave up and returned false"),
                Arguments.of(AccountAnswers.OptimisticRetriesTwice.class, "however often one gets in between"),
                Arguments.of(AccountAnswers.ThreadLocalLock.class, "withdraw60() returned true, thread 2 withdraw60() returned true"),
                Arguments.of(AccountAnswers.UnlockForgottenOnRefusal.class, "a refused withdrawal must let go of what it held"),
                Arguments.of(AccountAnswers.SubtractThenUndo.class, "two withdrawals of 60 from a balance of 100"),
                Arguments.of(AccountAnswers.AtomicCopyThenVault.class, "two withdrawals of 40 from a balance of 100|a withdrawal of 60 and one of 40"),
                Arguments.of(AccountAnswers.LockPerAmountString.class, "a withdrawal of 60 and one of 40"));
    }

    static Stream<Class<? extends BankAccount>> rightAnswers() {
        return Stream.of(
                AccountAnswers.SynchronizedMethod.class,
                AccountAnswers.ReentrantLockAccount.class,
                AccountAnswers.SemaphoreAccount.class,
                AccountAnswers.SynchronizedOnVault.class,
                AccountAnswers.SpinLockAccount.class,
                AccountAnswers.WriteLockAccount.class,
                AccountAnswers.TryLockUntilHeld.class,
                AccountAnswers.FastRefusalThenLock.class,
                AccountAnswers.StampedLockAccount.class,
                AccountAnswers.TicketLock.class,
                AccountAnswers.TokenQueue.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends BankAccount> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(), explanation,
                () -> Isolated.run("course.race.exercises.", AccountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends BankAccount> answer) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(),
                () -> Isolated.run("course.race.exercises.", AccountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
