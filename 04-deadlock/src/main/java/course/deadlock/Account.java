package course.deadlock;

import java.util.concurrent.locks.Lock;

/**
 * A bank account as the article has it: an id, a balance, and a lock of its own.
 *
 * <p>The account does no locking by itself: {@link #balance()} and {@link #setBalance(long)} just
 * read and write. Whoever moves money must keep other transfers out while it reads, decides and
 * writes, normally by holding {@link #lock()}.
 */
public interface Account {

    // tag::account[]
    /** Unique among the accounts of a bank, and never changes. */
    int id();

    /**
     * This account's lock: a {@link Mutex}, which, like Python's {@code threading.Lock}, is not
     * reentrant. A thread that holds it and asks for it again is refused.
     */
    Lock lock();

    long balance();

    void setBalance(long balance);
    // end::account[]

    /** A new account with its own {@link Mutex}, named "account {@code id}". */
    static Account open(int id, long balance) {
        return new BankAccount(id, balance);
    }
}
