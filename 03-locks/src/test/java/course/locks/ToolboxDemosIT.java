package course.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lock-toolbox demos show their point on every run: each is arranged, not left to chance. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToolboxDemosIT {

    @Test
    void reentrancyCountsTheHoldsAndANonReentrantLockWaitsForItself() throws InterruptedException {
        assertThat(ReentrancyDemo.restockLog()).containsExactly(
                "restock(): hold count 1", "add(7): hold count 2", "after restock(): hold count 0, locked false");
        assertThat(ReentrancyDemo.nonReentrantRestockFinishes()).isFalse();
    }

    @Test
    void tryLockGivesUpAfterItsTimeoutAndSucceedsWhenFree() throws InterruptedException {
        TryLockTimeoutDemo.Outcome busy = TryLockTimeoutDemo.whileAnotherThreadHoldsTheLock();
        assertThat(busy.acquired()).isFalse();
        assertThat(busy.waitedMillis()).isGreaterThanOrEqualTo(99);
        assertThat(TryLockTimeoutDemo.whenTheLockIsFree().acquired()).isTrue();
    }

    @Test
    void lockInterruptiblyGivesUpAndLockDoesNot() throws InterruptedException {
        InterruptibleLockDemo.Outcome interruptible = InterruptibleLockDemo.interruptWhileWaiting(true);
        assertThat(interruptible.how()).isEqualTo("gave up: InterruptedException");
        assertThat(interruptible.gaveUpWhileLockHeld()).isTrue();

        InterruptibleLockDemo.Outcome plain = InterruptibleLockDemo.interruptWhileWaiting(false);
        assertThat(plain.how()).isEqualTo("got the lock");
        assertThat(plain.gaveUpWhileLockHeld()).isFalse();
        assertThat(plain.interruptFlagAfterwards()).as("lock() keeps the interrupt for later").isTrue();
    }

    @Test
    void aFairLockNeverLetsTheReleasingThreadBargeAhead() throws InterruptedException {
        assertThat(FairnessDemo.bargesIn(50, true)).isZero();
    }

    @Test
    void anUnfairLockLetsTheReleasingThreadBargeAhead() throws InterruptedException {
        assertThat(FairnessDemo.bargesIn(50, false)).isPositive();
    }

    @RepeatedTest(10)
    void aTakerCheckingWithIfTakesFromAnEmptyBoxAndWithWhileWaitsAgain() throws InterruptedException {
        assertThat(StolenWakeupDemo.run(false)).isEqualTo(new StolenWakeupDemo.Outcome(null, "first letter"));
        assertThat(StolenWakeupDemo.run(true)).isEqualTo(new StolenWakeupDemo.Outcome("second letter", "first letter"));
    }

    @Test
    void readersShareAReadWriteLockButNotAPlainOne() throws InterruptedException {
        assertThat(ReadWriteLockDemo.withReadWriteLock()).isTrue();
        assertThat(ReadWriteLockDemo.withPlainLock()).isFalse();
    }

    @Test
    void aReadLockCannotBeUpgradedButAWriteLockCanBeDowngraded() throws InterruptedException {
        assertThat(ReadWriteLockDemo.upgradeSucceeds()).isFalse();
        assertThat(ReadWriteLockDemo.downgradeSucceeds()).isTrue();
    }

    @Test
    void anOptimisticReadWithAWriterInBetweenIsCaughtByValidate() {
        OptimisticReadDemo.Reading reading = OptimisticReadDemo.readWithWriterInBetween();
        assertThat(reading.unchecked()).isEqualTo("(1.0, 2.0)");
        assertThat(reading.returned()).isEqualTo("(2.0, 2.0)");
        assertThat(OptimisticReadDemo.readAlone()).isEqualTo(new OptimisticReadDemo.Reading("(1.0, 1.0)", "(1.0, 1.0)"));
    }
}
