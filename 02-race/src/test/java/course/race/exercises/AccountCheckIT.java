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
 *   <li>tryLock that gives up when the lock is busy: a withdrawal refused although the money was there.
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
                Arguments.of(AccountAnswers.TryLockGivesUp.class, "withdraw40() returned false"));
    }

    static Stream<Class<? extends BankAccount>> rightAnswers() {
        return Stream.of(
                AccountAnswers.SynchronizedMethod.class,
                AccountAnswers.ReentrantLockAccount.class,
                AccountAnswers.SemaphoreAccount.class,
                AccountAnswers.SynchronizedOnVault.class,
                AccountAnswers.SpinLockAccount.class,
                AccountAnswers.WriteLockAccount.class,
                AccountAnswers.TryLockUntilHeld.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends BankAccount> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(), explanation,
                () -> Isolated.run("course.race.exercises.", AccountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
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
