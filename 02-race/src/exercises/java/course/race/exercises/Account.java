package course.race.exercises;

import course.race.BankAccount;
import course.race.Vault;

/**
 * Exercise race.withdraw: a withdrawal that never overdraws.
 *
 * <p>The balance lives in a {@link Vault}, which does no locking of its own, and it must stay
 * there: do not keep a copy. Two withdrawals may run at once. Make sure the balance never
 * goes below zero, that no withdrawal is lost, and that a withdrawal only says "no" when the
 * money is really not there.
 *
 * <p>Run {@code ./mvnw test -pl 02-race} to check your answer.
 */
public final class Account implements BankAccount {

    private final Vault vault;

    public Account(Vault vault) {
        this.vault = vault;
    }

    @Override
    public boolean withdraw(long amount) {
        // TODO: the check and the act are two steps; another withdrawal can run between them.
        if (vault.balance() >= amount) {
            vault.setBalance(vault.balance() - amount);
            return true;
        }
        return false;
    }

    @Override
    public long balance() {
        return vault.balance();
    }
}
