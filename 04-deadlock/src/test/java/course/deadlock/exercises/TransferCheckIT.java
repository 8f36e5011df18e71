package course.deadlock.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.deadlock.Transfer;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the deadlock.ordered check: every plausible wrong answer is caught on every run, and
 * right answers written in other ways pass every run. Nothing here waits for luck: two
 * transfers run in {@link Lockstep}, the model checker ({@link TransferCalls}) tries the
 * interleavings of transfers that share accounts, and the lock-order probe reads who waits for whom.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>locks in argument order (the starter): a deadlock, found by ThreadMXBean, on every run of
 *       the article's two opposite transfers; the lock-order probe too;
 *   <li>the same with {@code synchronized} on the accounts: the lock-order probe (who waits for
 *       which account while another thread holds both); it also hangs for good if run, so its
 *       threads are daemons left behind;
 *   <li>the target's lock first: the same deadlock;
 *   <li>ordered by {@code hashCode()} with no tie-breaker: the model checker's accounts, whose
 *       identity hash codes it makes tie, never finish; the tied pair (accounts whose hash codes
 *       collide) deadlocks too;
 *   <li>ordered by {@code identityHashCode} of the accounts, or of their locks, with no
 *       tie-breaker: the tied pair (identity hash codes that collide, for the accounts and for
 *       their locks): deadlock;
 *   <li>monitors ordered by identityHashCode with no tie-breaker: the tied pair, probe;
 *   <li>the balance checked before the locks, or read before them and used inside: the model
 *       checker finds an outcome no order of whole transfers gives;
 *   <li>only the source locked: a deposit lost, in the two opposite transfers when the timing
 *       allows, and on every run in two transfers into one account, in lockstep;
 *   <li>one lock at a time (withdraw, let go, deposit), or deposit first and refund: never a
 *       deadlock, but the model checker finds a transfer that saw money in neither account, or
 *       money not yet taken from its source (the probe no longer blames "opposite orders": the
 *       transfer holds nothing while it waits for its second lock); the withdrawal first is caught
 *       before that, interrupted while it waits for the target: the money is lost;
 *   <li>a home-made lock of a volatile flag: the model checker's interleavings;
 *   <li>a bank lock replaced by each transfer, or the source's balance read before the locks and
 *       written from inside them: wrong balances already in the lockstep transfers (opposite ones,
 *       or two into one account), else the model checker's interleavings;
 *   <li>a transfer to itself that asks for its own lock twice: the Mutex refuses (it would hang);
 *   <li>a transfer to itself that reads both balances and writes both: money made;
 *   <li>a transfer to itself that says yes without looking at the balance: a wrong answer;
 *   <li>a refusal that returns before unlocking: a lock left held;
 *   <li>tryLock with no back-off: a livelock in lockstep, failed after 200 failed tries;
 *   <li>tryLock whose failure keeps the first lock: a livelock (its own lock can never be tried
 *       again), with a note that it tried a lock it held;
 *   <li>the locks taken before the try (in a loop, or one after the other): interrupted while it
 *       waits for the second lock, the transfer leaves the first one held;
 *   <li>each lock waited for at most 100 ms, and false when one stayed taken: a transfer that met
 *       an account busy for 300 ms says the balance did not cover the amount;
 *   <li>an interrupt of the wait for the second lock caught and ignored: the transfer moves money
 *       without that lock, and its unlock of it throws;
 *   <li>ids compared by subtraction (it overflows for ids far apart), or the poorer account first:
 *       the order probe ({@link OrderProbe}) sees the first locks of three transfers round a ring of
 *       far-apart ids, or of two opposite transfers between which the balances changed, go round in a
 *       circle, and the first transfer hold its first lock while it waits for the next.
 * </ul>
 * {@code -Dcatch.runs=200} measures the rates.
 */
class TransferCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(TransferAnswers.ArgumentOrder.class, "deadlock"),
                // a monitor cannot be held back by the lockstep: on JDK 21 the opposite transfers sometimes
                // deadlock for real before the lock-order probe runs; both diagnoses are true
                Arguments.of(TransferAnswers.SynchronizedArgumentOrder.class, "opposite orders|deadlock"),
                Arguments.of(TransferAnswers.TargetFirst.class, "deadlock"),
                Arguments.of(TransferAnswers.HashCodeOrder.class, "same hashCode()|never finished"),
                Arguments.of(TransferAnswers.IdentityHashOrder.class, "same hashCode()|never finished"),
                Arguments.of(TransferAnswers.LockIdentityHashOrder.class, "same hashCode()|never finished"),
                Arguments.of(TransferAnswers.SynchronizedIdentityHashOrder.class, "opposite orders|deadlock"),
                Arguments.of(TransferAnswers.CheckBeforeLocking.class, "no order of the same calls"),
                Arguments.of(TransferAnswers.LocksOnlyTheSource.class, "expected [true, true]"),
                Arguments.of(TransferAnswers.SelfTransferLocksTwice.class, "already holds"),
                Arguments.of(TransferAnswers.SelfTransferDoubleCounts.class, "to itself"),
                Arguments.of(TransferAnswers.SelfTransferAlwaysSucceeds.class, "to itself"),
                Arguments.of(TransferAnswers.RefusalKeepsTheLocks.class, "still locked"),
                Arguments.of(TransferAnswers.TryLockNoBackOff.class, "livelock"),
                Arguments.of(TransferAnswers.TryLockKeepsTheFirst.class, "already held"),
                Arguments.of(TransferAnswers.OneLockAtATime.class, "no order of the same calls|never reached the other"),
                Arguments.of(TransferAnswers.DepositThenCheck.class, "no order of the same calls"),
                Arguments.of(TransferAnswers.HomeMadeFlagLock.class, "no order of the same calls"),
                Arguments.of(TransferAnswers.ReplacedBankLock.class, "no order of the same calls|expected [true, true]"),
                Arguments.of(TransferAnswers.BalanceReadBeforeTheLocks.class, "no order of the same calls|expected [true, true]"),
                Arguments.of(TransferAnswers.LocksBeforeTheTry.class, "interrupted"),
                Arguments.of(TransferAnswers.BusyMeansNo.class, "A busy account is a reason to wait"),
                Arguments.of(TransferAnswers.SwallowsTheInterrupt.class, "interrupted"),
                Arguments.of(TransferAnswers.SubtractedIds.class, "go round in a circle"),
                Arguments.of(TransferAnswers.PoorerFirst.class, "go round in a circle"));
    }

    static Stream<Class<? extends Transfer>> rightAnswers() {
        return Stream.of(
                TransferAnswers.OrderedById.class,
                TransferAnswers.GlobalLock.class,
                TransferAnswers.GlobalThenArgumentOrder.class,
                TransferAnswers.IdentityHashWithTieBreaker.class,
                TransferAnswers.SynchronizedById.class,
                TransferAnswers.TryLockWithBackOff.class,
                TransferAnswers.MovesThenUndoes.class,
                TransferAnswers.CasSpinLock.class,
                TransferAnswers.OnePermit.class,
                TransferAnswers.OrderedByIdAsText.class,
                TransferAnswers.GateWhileLocking.class,
                TransferAnswers.SpinsInIdOrder.class,
                OrderedTransfer.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Transfer> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(), explanation,
                () -> Isolated.run("course.deadlock.exercises.", TransferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s for its reason", answer.getSimpleName())
                .isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Transfer> answer) {
        CatchRate.Result result = CatchRate.measure("04-deadlock", answer.getSimpleName(),
                () -> Isolated.run("course.deadlock.exercises.", TransferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
