package course.locks.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise locks.account: the learner's {@link LockedAccount} must pass every {@link AccountCheck}. */
@Exercise("locks.account")
class AccountTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void worksOnOneThread() {
        AccountCheck.worksAlone(LockedAccount.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void twoWithdrawalsAtOnceNeverOverdraw() {
        AccountCheck.neverOverdraws(LockedAccount.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void twoDepositsAtOnceBothCount() {
        AccountCheck.losesNoDeposit(LockedAccount.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void aDepositAndAWithdrawalAtOnceBothHappen() {
        AccountCheck.depositAndWithdrawalAreOneAtATime(LockedAccount.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFailedLedgerWriteLeavesTheAccountUsable() {
        AccountCheck.staysUsableAfterAFailedWrite(LockedAccount.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWaitingCallerGivesUpWhenInterrupted() {
        AccountCheck.waitingCallerCanBeInterrupted(LockedAccount.class);
    }
}
