package course.deadlock;

import java.util.concurrent.locks.Lock;

/** The plain account: a field for the balance, guarded by the account's own {@link Mutex}. */
final class BankAccount implements Account {

    private final int id;
    private final Mutex lock;
    private long balance; // guarded by lock (or by whatever keeps the caller's transfers apart)

    BankAccount(int id, long balance) {
        this.id = id;
        this.lock = new Mutex("account " + id + "'s lock");
        this.balance = balance;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public long balance() {
        return balance;
    }

    @Override
    public void setBalance(long balance) {
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
