package course.book.trace;

import course.race.BankAccount;
import course.race.Vault;

/** The starter of exercise race.withdraw, as a learner first meets it: check, then act, no lock. */
public final class CheckThenActAccount implements BankAccount {

    private final Vault vault;

    public CheckThenActAccount(Vault vault) {
        this.vault = vault;
    }

    @Override
    public boolean withdraw(long amount) {
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
