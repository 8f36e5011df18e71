package course.race.exercises;

import course.race.BankAccount;
import course.race.Vault;

/**
 * Exercise race.withdraw, solved: one lock held across the check and the act, so no other
 * withdrawal can run between them. The lock is a private object, so no outside code can hold
 * it by accident. The read of {@link #balance()} takes the lock too, so it sees the latest write.
 */
public final class Account implements BankAccount {

    private final Vault vault;
    private final Object lock = new Object();

    public Account(Vault vault) {
        this.vault = vault;
    }

    // tag::solution[]
    @Override
    public boolean withdraw(long amount) {
        synchronized (lock) {
            long balance = vault.balance();
            if (balance < amount) {
                return false;
            }
            vault.setBalance(balance - amount);
            return true;
        }
    }

    @Override
    public long balance() {
        synchronized (lock) {
            return vault.balance();
        }
    }
    // end::solution[]
}
