package course.locks;

/**
 * A bank account that many threads use at once: what exercise locks.account implements.
 * A caller may have to wait for the account while another call is in progress; that wait can
 * be cut short by interrupting the caller, hence {@link InterruptedException}.
 */
public interface Account {

    /** Adds {@code amount}. */
    void deposit(long amount) throws InterruptedException;

    /**
     * Takes {@code amount} out if the balance covers it.
     *
     * @return true if the money was taken, false if the balance was too low
     */
    boolean withdraw(long amount) throws InterruptedException;

    /** The balance now. */
    long balance() throws InterruptedException;
}
