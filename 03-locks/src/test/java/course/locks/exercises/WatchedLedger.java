package course.locks.exercises;

import course.locks.Ledger;
import course.locks.LedgerUnavailableException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A ledger for the checks. Every read and write goes through a {@link Rendezvous}, which
 * catches two threads inside at once and makes them meet if nothing keeps them apart. It can
 * also fail its next writes, or hold its first writer inside until the check opens a gate.
 */
final class WatchedLedger implements Ledger {

    final Rendezvous rendezvous = new Rendezvous();
    private long balance; // the account under test must guard it; the ledger does not
    private int writesToFail;
    private CountDownLatch gate;
    private final CountDownLatch writerInside = new CountDownLatch(1);

    WatchedLedger(long balance) {
        this.balance = balance;
    }

    /** The next {@code count} writes throw {@link LedgerUnavailableException} and change nothing. */
    WatchedLedger failingNextWrites(int count) {
        writesToFail = count;
        return this;
    }

    /** The first write waits inside until {@link #openGate()}. */
    WatchedLedger withGate() {
        gate = new CountDownLatch(1);
        return this;
    }

    @Override
    public long balance() {
        rendezvous.enter(Rendezvous.Access.READ, "balance()");
        try {
            return balance;
        } finally {
            rendezvous.exit();
        }
    }

    @Override
    public void write(long newBalance) {
        rendezvous.enter(Rendezvous.Access.WRITE, "write(" + newBalance + ")");
        try {
            waitAtTheGate();
            if (writesToFail > 0) {
                writesToFail--;
                throw new LedgerUnavailableException("the ledger is unavailable (a test double failing on purpose)");
            }
            balance = newBalance;
        } finally {
            rendezvous.exit();
        }
    }

    /** Waits until a writer is held at the gate. */
    boolean awaitWriterAtGate(long millis) throws InterruptedException {
        return writerInside.await(millis, TimeUnit.MILLISECONDS);
    }

    void openGate() {
        gate.countDown();
    }

    /** The balance, read by the check after the threads that use the account have ended. */
    long finalBalance() {
        return balance;
    }

    private void waitAtTheGate() {
        CountDownLatch theGate = gate;
        if (theGate == null || writerInside.getCount() == 0) {
            return;
        }
        writerInside.countDown();
        try {
            theGate.await(5, TimeUnit.SECONDS); // never for ever, whatever the check does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
