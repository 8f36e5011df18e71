package course.race.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise race.withdraw: the learner's {@link Account} must pass every {@link AccountCheck}. */
@Exercise("race.withdraw")
class AccountTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void withdrawsOnOneThread() {
        AccountCheck.withdrawsAlone(Account.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void twoWithdrawalsAtOnceNeverOverdraw() {
        AccountCheck.neverOverdraws(Account.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void twoWithdrawalsAtOnceBothCount() {
        AccountCheck.losesNoWithdrawal(Account.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWithdrawalWaitsForAStalledOne() {
        AccountCheck.waitsForAStalledWithdrawal(Account.class);
    }
}
