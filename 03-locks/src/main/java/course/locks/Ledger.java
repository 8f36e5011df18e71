package course.locks;

/**
 * Where an account's balance is kept: think of a ledger file or a database row. A ledger does
 * no locking of its own, and writing to it can fail ({@link LedgerUnavailableException}), as
 * a disk or a network can. A failed write changes nothing.
 */
public interface Ledger {

    /** The balance last written. */
    long balance();

    /**
     * Writes a new balance.
     *
     * @throws LedgerUnavailableException if the write failed; the balance is then unchanged
     */
    void write(long newBalance);

    /** A ledger kept in memory, whose writes never fail. */
    static Ledger inMemory(long balance) {
        return new Ledger() {
            private long value = balance;

            @Override
            public long balance() {
                return value;
            }

            @Override
            public void write(long newBalance) {
                value = newBalance;
            }
        };
    }
}
