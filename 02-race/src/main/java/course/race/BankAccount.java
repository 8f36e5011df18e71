package course.race;

/** An account you can take money out of: what exercise race.withdraw implements. */
public interface BankAccount {

    /**
     * Takes {@code amount} out if the balance covers it.
     *
     * @return true if the money was taken, false if the balance was too low
     */
    boolean withdraw(long amount);

    /** The balance now. */
    long balance();
}
