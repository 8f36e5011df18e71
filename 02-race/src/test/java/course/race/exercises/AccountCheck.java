package course.race.exercises;

import course.kit.Interleavings;
import course.race.BankAccount;
import course.race.Vault;
import java.lang.reflect.Constructor;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise race.withdraw, for any {@link BankAccount} class with a
 * {@code (Vault)} constructor. The concurrent checks explore every interleaving of two
 * withdrawals made at once ({@link Interleavings}: a model checker switches threads at every
 * read, write and lock) and compare each outcome with the same withdrawals made one at a time.
 */
final class AccountCheck {

    private AccountCheck() {
    }

    static void all(Class<? extends BankAccount> answer) {
        withdrawsAlone(answer);
        neverOverdraws(answer);
        losesNoWithdrawal(answer);
    }

    /** One thread: takes money when it is there, refuses when it is not. */
    static void withdrawsAlone(Class<? extends BankAccount> answer) {
        BankAccount account = create(answer, Vault.holding(100));
        expect(account.withdraw(30), true, "withdraw(30) from a balance of 100");
        expectBalance(account, 70, "after withdraw(30) from 100");
        expect(account.withdraw(80), false, "withdraw(80) from a balance of 70");
        expectBalance(account, 70, "after a refused withdraw(80)");
        expect(account.withdraw(70), true, "withdraw(70) from a balance of 70 (exactly what is there)");
        expectBalance(account, 0, "after taking all of it");
    }

    // tag::overdraw[]
    /** Two withdrawals of 60 from 100 at once: exactly one may succeed, in every interleaving. */
    static void neverOverdraws(Class<? extends BankAccount> answer) {
        explore(answer).together(List.of("withdraw60", "withdraw60"), "balance")
                .check("two withdrawals of 60 from a balance of 100, made at once, must leave one success and 40");
    }
    // end::overdraw[]

    /** Two withdrawals that both fit, at once: both must succeed and nothing be lost, in every interleaving. */
    static void losesNoWithdrawal(Class<? extends BankAccount> answer) {
        explore(answer)
                .together(List.of("withdraw40", "withdraw40"), "balance")
                .saying("two withdrawals of 40 from a balance of 100, made at once, must both succeed and leave 20")
                .together(List.of("withdraw60", "withdraw40"), "balance")
                .saying("a withdrawal of 60 and one of 40 from a balance of 100, made at once, must both succeed"
                        + " and leave 0")
                .check("withdrawals that fit in the balance, made at once, must all succeed");
    }

    private static Interleavings explore(Class<? extends BankAccount> answer) {
        return Interleavings.of(Withdrawals.class, OneAtATime.class, answer);
    }

    /** The calls the model checker makes, on a fresh account holding 100 in a plain vault. */
    public static final class Withdrawals {
        private final Vault vault = Vault.holding(100);
        private final BankAccount account = construct(Interleavings.answer(BankAccount.class), vault);

        @Operation
        public boolean withdraw60() {
            return account.withdraw(60);
        }

        @Operation
        public boolean withdraw40() {
            return account.withdraw(40);
        }

        /** What the vault holds: the balance must live there. */
        @Operation
        public long balance() {
            return vault.balance();
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private long balance = 100;

        public boolean withdraw60() {
            return take(60);
        }

        public boolean withdraw40() {
            return take(40);
        }

        public long balance() {
            return balance;
        }

        private boolean take(long amount) {
            if (balance < amount) {
                return false;
            }
            balance -= amount;
            return true;
        }
    }

    private static void expect(boolean actual, boolean expected, String what) {
        if (actual != expected) {
            throw new AssertionError(what + " returned " + actual + ", expected " + expected);
        }
    }

    private static void expectBalance(BankAccount account, long expected, String when) {
        if (account.balance() != expected) {
            throw new AssertionError("balance " + when + " is " + account.balance() + ", expected " + expected);
        }
    }

    private static BankAccount create(Class<? extends BankAccount> answer, Vault vault) {
        RaceJit.require();
        return construct(answer, vault);
    }

    private static BankAccount construct(Class<? extends BankAccount> answer, Vault vault) {
        try {
            Constructor<? extends BankAccount> constructor = answer.getDeclaredConstructor(Vault.class);
            constructor.setAccessible(true); // the model may be in another class loader than the answer
            return constructor.newInstance(vault);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Vault)", e);
        }
    }
}
