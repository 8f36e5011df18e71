package course.race.exercises;

import course.kit.Workers;
import course.race.BankAccount;
import course.race.Vault;
import java.time.Duration;
import java.util.List;

/**
 * The checks of exercise race.withdraw, for any {@link BankAccount} class with a
 * {@code (Vault)} constructor. The concurrent checks use a {@link RendezvousVault}, which
 * makes two withdrawals meet between check and act unless a lock keeps them apart: the
 * race happens on every run, or cannot happen at all.
 */
final class AccountCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(6);
    static final int ROUNDS = 3;

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
    /** Two withdrawals of 60 from 100 at once: exactly one may succeed. */
    static void neverOverdraws(Class<? extends BankAccount> answer) {
        for (int round = 1; round <= ROUNDS; round++) {
            RendezvousVault vault = new RendezvousVault(100, 2);
            List<Boolean> results = withdrawTogether(create(answer, vault), vault, 60);
            long successes = results.stream().filter(ok -> ok).count();
            if (successes != 1 || vault.finalBalance() != 40) {
                throw new AssertionError("two withdrawals of 60 from a balance of 100: " + successes
                        + " succeeded and the balance is " + vault.finalBalance() + " (expected 1 and 40). Both"
                        + " withdrawals checked the balance before either took the money: check-then-act is two"
                        + " steps, and the other withdrawal ran between them");
            }
        }
    }
    // end::overdraw[]

    /** Two withdrawals of 40 from 100 at once: both must succeed, and the balance end at 20. */
    static void losesNoWithdrawal(Class<? extends BankAccount> answer) {
        for (int round = 1; round <= ROUNDS; round++) {
            RendezvousVault vault = new RendezvousVault(100, 2);
            List<Boolean> results = withdrawTogether(create(answer, vault), vault, 40);
            long successes = results.stream().filter(ok -> ok).count();
            if (successes != 2 || vault.finalBalance() != 20) {
                throw new AssertionError("two withdrawals of 40 from a balance of 100: " + successes
                        + " succeeded and the balance is " + vault.finalBalance() + " (expected 2 and 20). "
                        + (successes == 2 ? "Both read 100 and both wrote 60: one withdrawal was lost"
                                : "a withdrawal was refused although the money was there"));
            }
        }
    }

    private static List<Boolean> withdrawTogether(BankAccount account, RendezvousVault vault, long amount) {
        try (Workers workers = Workers.named("withdrawal")) {
            return workers.runTogether(2, HANG_LIMIT, i -> {
                vault.arrive();
                try {
                    return account.withdraw(amount);
                } finally {
                    vault.leave();
                }
            });
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
        try {
            return answer.getDeclaredConstructor(Vault.class).newInstance(vault);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Vault)", e);
        }
    }
}
