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
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>check then act with no lock (the starter): overdraft, and a lost withdrawal;
 *   <li>synchronized on a new object, or a new ReentrantLock, per call: the same;
 *   <li>the check outside the lock and the act inside: the same;
 *   <li>the check inside the lock and the act after it: the same;
 *   <li>the read under one lock and the write under another: the same;
 *   <li>tryLock that gives up when the lock is busy: a withdrawal refused although the money was there.
 * </ul>
 */
class AccountCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(AccountAnswers.CheckThenAct.class, "withdrawals"),
                Arguments.of(AccountAnswers.SynchronizedOnNewObject.class, "withdrawals"),
                Arguments.of(AccountAnswers.NewReentrantLockPerCall.class, "withdrawals"),
                Arguments.of(AccountAnswers.CheckOutsideLock.class, "withdrawals"),
                Arguments.of(AccountAnswers.LockedCheckUnlockedAct.class, "withdrawals"),
                Arguments.of(AccountAnswers.SeparateReadAndWriteLocks.class, "withdrawals"),
                Arguments.of(AccountAnswers.TryLockGivesUp.class, "refused although the money was there"));
    }

    static Stream<Class<? extends BankAccount>> rightAnswers() {
        return Stream.of(
                AccountAnswers.SynchronizedMethod.class,
                AccountAnswers.ReentrantLockAccount.class,
                AccountAnswers.SemaphoreAccount.class,
                AccountAnswers.SynchronizedOnVault.class,
                AccountAnswers.SpinLockAccount.class);
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
