package course.race;

/**
 * Where an account's balance lives: think of a row in a database, or a field you do not own.
 * A vault does no locking of its own; whoever reads, decides and writes must make those
 * steps safe.
 */
public interface Vault {

    long balance();

    void setBalance(long balance);

    /** A vault that is just a field. */
    static Vault holding(long balance) {
        return new Vault() {
            private long value = balance;

            @Override
            public long balance() {
                return value;
            }

            @Override
            public void setBalance(long newBalance) {
                value = newBalance;
            }
        };
    }
}
