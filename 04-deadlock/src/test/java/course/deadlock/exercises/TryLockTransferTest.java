package course.deadlock.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise deadlock.trylock: the learner's {@link TryLockTransfer} must pass every {@link TimedTransferCheck}. */
@Exercise("deadlock.trylock")
class TryLockTransferTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void movesMoneyOnOneThread() {
        TimedTransferCheck.movesMoneyAlone(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void transfersToTheSameAccount() {
        TimedTransferCheck.transfersToItself(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoOppositeTransfersBothFinish() {
        TimedTransferCheck.oppositeTransfersBothFinish(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void givesUpWhenALockStaysTaken() {
        TimedTransferCheck.givesUpWhenALockStaysTaken(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theBalanceIsCheckedInsideTheLocks() {
        TimedTransferCheck.checksTheBalanceInsideTheLocks(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void keepsTryingWhileTimeIsLeft() {
        TimedTransferCheck.keepsTryingWhileTimeIsLeft(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsWhenInterrupted() {
        TimedTransferCheck.stopsWhenInterrupted(TryLockTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fourThreadsAThousandTransfers() {
        TimedTransferCheck.survivesStress(TryLockTransfer.class);
    }
}
