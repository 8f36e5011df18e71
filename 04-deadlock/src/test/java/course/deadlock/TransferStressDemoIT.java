package course.deadlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lesson's fixes pass the stress proof; and the identity-hash order survives a tie. */
class TransferStressDemoIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theStressIsTheOneTheLessonPromises() {
        assertThat(TransferStressDemo.THREADS).isEqualTo(8);
        assertThat(TransferStressDemo.TRANSFERS).isEqualTo(10_000);
        assertThat(TransferStressDemo.ACCOUNTS).isEqualTo(10);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void oneGlobalLockKeepsTheMoneyAndNeverDeadlocks() throws InterruptedException {
        expectSound(TransferStressDemo.run("one global lock", new GlobalLockTransfer(), System.nanoTime()));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void identityHashOrderKeepsTheMoneyAndNeverDeadlocks() throws InterruptedException {
        expectSound(TransferStressDemo.run("identityHashCode order", new IdentityOrderedTransfer(), System.nanoTime()));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void identityHashOrderHandlesATieWithItsTieBreaker() throws InterruptedException {
        Account[] tied = tiedAccounts();
        Transfer transfer = new IdentityOrderedTransfer();
        Thread there = Thread.ofPlatform().daemon(true).start(() -> repeat(transfer, tied[0], tied[1]));
        Thread back = Thread.ofPlatform().daemon(true).start(() -> repeat(transfer, tied[1], tied[0]));
        there.join(5_000);
        back.join(5_000);

        assertThat(there.isAlive() || back.isAlive()).as("a transfer is stuck").isFalse();
        assertThat(tied[0].balance() + tied[1].balance()).isEqualTo(2_000);
    }

    private static void expectSound(TransferStressDemo.Result result) {
        assertThat(result.error()).isNull();
        assertThat(result.deadlock()).isEmpty();
        assertThat(result.finished()).isTrue();
        assertThat(result.moved() + result.refused()).isEqualTo(10_000);
        assertThat(result.totalAfter()).isEqualTo(result.totalBefore()).isEqualTo(10_000);
        assertThat(result.lowestBalance()).isNotNegative();
    }

    private static void repeat(Transfer transfer, Account from, Account to) {
        try {
            for (int i = 0; i < 10_000; i++) {
                transfer.transfer(from, to, 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two accounts whose identity hash codes are equal: there is no "first" of the two by that order. */
    private static Account[] tiedAccounts() {
        Map<Integer, Account> seen = new HashMap<>();
        for (int id = 1; ; id++) {
            Account account = Account.open(id, 1_000);
            Account earlier = seen.putIfAbsent(System.identityHashCode(account), account);
            if (earlier != null) {
                return new Account[] {earlier, account};
            }
        }
    }
}
