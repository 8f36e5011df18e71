package course.deadlock;

import java.time.Duration;

/** A transfer that gives up when it cannot get its locks in time: what exercise deadlock.trylock implements. */
@FunctionalInterface
public interface TimedTransfer {

    /** How a timed transfer ended. */
    enum Outcome {
        /** The money moved (or, from an account to itself, the balance covered it). */
        DONE,
        /** Both locks were held and the balance did not cover the amount: nothing moved. */
        INSUFFICIENT_FUNDS,
        /** The locks could not all be had within the timeout: nothing moved, and no lock is held. */
        GAVE_UP
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to}, holding both accounts' locks while it
     * checks and moves, unless it cannot get them within {@code timeout}.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException;
}
