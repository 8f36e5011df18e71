package course.locks;

import java.util.concurrent.locks.StampedLock;

/**
 * {@link StampedLock}'s optimistic read: read without locking at all, then ask the lock
 * whether a writer came in meanwhile ({@code validate}). If not, the values read belong
 * together; if so, read again under the real read lock. Readers that pay nothing while no
 * one writes. The demo lets a writer in between the two reads, every time, and shows the
 * point that was never there which an unchecked read would have used.
 */
public final class OptimisticReadDemo {

    /** A point on a line x = y: every move keeps x equal to y. */
    static final class Point {
        private final StampedLock lock = new StampedLock();
        private double x = 1;
        private double y = 1;

        void moveTo(double xy) {
            long stamp = lock.writeLock();
            try {
                x = xy;
                y = xy;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        // tag::optimistic[]
        /** Reads x and y; {@code betweenReads} lets the demo put a writer between the two reads. */
        Reading read(Runnable betweenReads) {
            long stamp = lock.tryOptimisticRead();  // no lock taken: just a version number
            double seenX = x;
            betweenReads.run();
            double seenY = y;
            String unchecked = "(" + seenX + ", " + seenY + ")";
            if (!lock.validate(stamp)) {            // a writer came in: the two reads may not match
                stamp = lock.readLock();            // read again, this time under the read lock
                try {
                    seenX = x;
                    seenY = y;
                } finally {
                    lock.unlockRead(stamp);
                }
            }
            return new Reading(unchecked, "(" + seenX + ", " + seenY + ")");
        }
        // end::optimistic[]
    }

    /** What the optimistic reads saw before validation, and what the reader returns. */
    public record Reading(String unchecked, String returned) {
    }

    /** A read with a move from (1, 1) to (2, 2) between its two reads. */
    public static Reading readWithWriterInBetween() {
        Point point = new Point();
        return point.read(() -> point.moveTo(2));
    }

    /** A read with nobody writing. */
    public static Reading readAlone() {
        Point point = new Point();
        return point.read(() -> { });
    }

    public static void main(String[] args) {
        System.out.println("no writer:            " + readAlone());
        System.out.println("writer between reads: " + readWithWriterInBetween());
    }
}
