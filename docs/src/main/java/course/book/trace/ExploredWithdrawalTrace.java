package course.book.trace;

import course.kit.Interleavings;
import course.race.BankAccount;
import course.race.Vault;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * What a learner's red run shows when race.withdraw's check explores the starter: the book
 * prints this program's output. Two withdrawals of 60 from 100 are made at once under the
 * model checker (course.kit.Interleavings, as AccountCheck does), and the failure is printed
 * as the test reports it: the promise, what the calls returned, and the interleaving.
 */
public final class ExploredWithdrawalTrace {

    private ExploredWithdrawalTrace() {
    }

    public static void main(String[] args) {
        try {
            Interleavings.of(Withdrawals.class, OneAtATime.class, CheckThenActAccount.class)
                    .together(List.of("withdraw60", "withdraw60"), "balance")
                    .check("two withdrawals of 60 from a balance of 100, made at once, must leave one success and 40");
            System.out.println("no interleaving broke the account");
        } catch (AssertionError failure) {
            System.out.println(failure.getMessage());
        }
    }

    /** The calls the model checker makes, on a fresh account holding 100. */
    public static final class Withdrawals {
        private final Vault vault = Vault.holding(100);
        private final BankAccount account = new CheckThenActAccount(vault);

        @Operation
        public boolean withdraw60() {
            return account.withdraw(60);
        }

        @Operation
        public long balance() {
            return vault.balance();
        }
    }

    /** The same calls, one at a time. */
    public static final class OneAtATime {
        private long balance = 100;

        public boolean withdraw60() {
            if (balance < 60) {
                return false;
            }
            balance -= 60;
            return true;
        }

        public long balance() {
            return balance;
        }
    }
}
