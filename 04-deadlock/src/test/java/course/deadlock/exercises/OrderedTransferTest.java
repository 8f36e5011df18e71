package course.deadlock.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise deadlock.ordered: the learner's {@link OrderedTransfer} must pass every {@link TransferCheck}. */
@Exercise("deadlock.ordered")
class OrderedTransferTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void movesMoneyOnOneThread() {
        TransferCheck.movesMoneyAlone(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void transfersToTheSameAccount() {
        TransferCheck.transfersToItself(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoOppositeTransfersBothFinish() {
        TransferCheck.oppositeTransfersFinish(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void accountsWithTheSameHashStillHaveAnOrder() {
        TransferCheck.tiedAccountsStillHaveAnOrder(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void oneOrderWhateverTheIdsAndBalances() {
        TransferCheck.anOrderForAnyIdsAndBalances(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoDepositsIntoOneAccountBothCount() {
        TransferCheck.depositsIntoOneAccount(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitsForABusyAccount() {
        TransferCheck.waitsForABusyAccount(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void letsGoOfItsLocksWhenInterrupted() {
        TransferCheck.letsGoOfItsLocksWhenInterrupted(OrderedTransfer.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void theBalanceIsCheckedInsideTheLocks() {
        TransferCheck.checksTheBalanceInsideTheLocks(OrderedTransfer.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void eightThreadsTenThousandTransfers() {
        TransferCheck.survivesStress(OrderedTransfer.class);
    }
}
