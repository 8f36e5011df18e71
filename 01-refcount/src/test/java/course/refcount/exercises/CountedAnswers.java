package course.refcount.exercises;

import course.refcount.RefCounted;

/** Answers a learner might give to exercise refcount.release, right and wrong, for {@code CountedCheckIT}. */
final class CountedAnswers {

    private CountedAnswers() {
    }

    // ---- wrong ----

    /** The starter: no checks at all, CPython's Py_INCREF and Py_DECREF. */
    static final class NoChecks implements RefCounted {
        private final Runnable free;
        private int count = 1;
        NoChecks(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() { count++; }
        public boolean release() {
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Release is guarded, retain is not: a freed resource comes back to life. */
    static final class RetainRevives implements RefCounted {
        private final Runnable free;
        private int count = 1;
        RetainRevives(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() { count++; }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("already freed");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Frees at "zero or below": a second release frees again. */
    static final class FreesAtZeroOrBelow implements RefCounted {
        private final Runnable free;
        private int count = 1;
        FreesAtZeroOrBelow(Runnable free) { this.free = free; }
        public int refCnt() { return Math.max(count, 0); }
        public void retain() {
            if (count <= 0) {
                throw new IllegalStateException("already freed");
            }
            count++;
        }
        public boolean release() {
            if (--count <= 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Throws below zero, but only after the count went there. */
    static final class ThrowsAfterDecrement implements RefCounted {
        private final Runnable free;
        private int count = 1;
        ThrowsAfterDecrement(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("already freed");
            }
            count++;
        }
        public boolean release() {
            count--;
            if (count < 0) {
                throw new IllegalStateException("released too often");
            }
            if (count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** The right checks with the wrong exception: the argument is not what is wrong. */
    static final class WrongException implements RefCounted {
        private final Runnable free;
        private int count = 1;
        WrongException(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalArgumentException("already freed");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalArgumentException("already freed");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** The right checks, and errors that say nothing. */
    static final class SilentErrors implements RefCounted {
        private final Runnable free;
        private int count = 1;
        SilentErrors(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException();
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException();
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Quietly ignores calls on a freed resource: the caller's bug goes unnoticed. */
    static final class IgnoresCallsAfterFree implements RefCounted {
        private final Runnable free;
        private int count = 1;
        IgnoresCallsAfterFree(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count > 0) {
                count++;
            }
        }
        public boolean release() {
            if (count == 0) {
                return false;
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Starts with no owner: the creator's reference is not counted. */
    static final class StartsAtZero implements RefCounted {
        private final Runnable free;
        private int count;
        private boolean freed;
        StartsAtZero(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (freed) {
                throw new IllegalStateException("already freed");
            }
            count++;
        }
        public boolean release() {
            if (freed) {
                throw new IllegalStateException("already freed");
            }
            if (--count <= 0) {
                freed = true;
                count = 0;
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Frees at zero but says false: the caller cannot tell that it was the last owner. */
    static final class ReleaseAlwaysSaysFalse implements RefCounted {
        private final Runnable free;
        private int count = 1;
        ReleaseAlwaysSaysFalse(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("already freed");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("already freed");
            }
            if (--count == 0) {
                free.run();
            }
            return false;
        }
    }

    /** Complains about a call after free once, then lets the next ones through: a later release frees again. */
    static final class RefusesOnlyOnce implements RefCounted {
        private final Runnable free;
        private int count = 1;
        private boolean warned;
        RefusesOnlyOnce(Runnable free) { this.free = free; }
        public int refCnt() { return Math.max(count, 0); }
        public void retain() {
            refuseOnceIfFreed("retain()");
            count++;
        }
        public boolean release() {
            refuseOnceIfFreed("release()");
            if (--count <= 0) {
                free.run();
                return true;
            }
            return false;
        }
        private void refuseOnceIfFreed(String call) {
            if (count <= 0 && !warned) {
                warned = true; // "no need to shout twice"
                throw new IllegalStateException(call + " on a freed resource");
            }
        }
    }

    /** A byte is plenty of owners, the answer thought: the 128th owner wraps the count to -128. */
    static final class ByteCount implements RefCounted {
        private final Runnable free;
        private byte count = 1;
        ByteCount(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Counts retains and releases separately and compares them: a retain after free goes through. */
    static final class TwoTallies implements RefCounted {
        private final Runnable free;
        private int retains = 1;
        private int releases;
        TwoTallies(Runnable free) { this.free = free; }
        public int refCnt() { return retains - releases; }
        public void retain() {
            if (releases > retains) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            retains++;
        }
        public boolean release() {
            if (releases >= retains) {
                throw new IllegalStateException("release() on a freed resource");
            }
            releases++;
            if (releases == retains) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /**
     * One count for every resource (a static field), set back to 1 by each constructor: one resource
     * at a time looks right, but with two alive, a retain of one counts for the other, and the last
     * owner's release of one resource frees nothing (or frees the other).
     */
    static final class StaticCount implements RefCounted {
        private static int count;
        private final Runnable free;
        StaticCount(Runnable free) {
            this.free = free;
            count = 1;
        }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /**
     * "Fail loudly" with assert: under the tests (-ea) an AssertionError, not an
     * IllegalStateException; in production, where assertions are off, a retain after free revives
     * the resource and a second release takes the count to -1, silently.
     */
    static final class AssertsInsteadOfThrowing implements RefCounted {
        private final Runnable free;
        private int count = 1;
        AssertsInsteadOfThrowing(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            assert count > 0 : "retain() on a freed resource";
            count++;
        }
        public boolean release() {
            assert count > 0 : "release() on a freed resource";
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A short is plenty, surely: at 32,768 owners the count wraps to -32,768, and the last release never frees. */
    static final class ShortCount implements RefCounted {
        private final Runnable free;
        private short count = 1;
        ShortCount(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /**
     * The last release runs free first and marks the resource freed after it: a free action that
     * throws leaves the count at 1, and the next release runs it again (a double free).
     */
    static final class FreesBeforeZero implements RefCounted {
        private final Runnable free;
        private int count = 1;
        FreesBeforeZero(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (count == 1) {
                free.run(); // give the memory back, then say it is gone
                count = 0;
                return true;
            }
            count--;
            return false;
        }
    }

    /**
     * "Freed" remembered as the free actions that have run, in one set for all: two resources made
     * with one free action (a pool's giveBack kept in a field) are freed together.
     */
    static final class FreedByItsFreeAction implements RefCounted {
        private static final java.util.Set<Runnable> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Runnable free;
        private int count = 1;
        FreedByItsFreeAction(Runnable free) { this.free = free; }
        public int refCnt() { return RAN.contains(free) ? 0 : count; }
        public void retain() {
            if (RAN.contains(free)) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (RAN.contains(free)) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (--count == 0) {
                RAN.add(free);
                free.run();
                return true;
            }
            return false;
        }
    }

    // ---- right ----

    /** A separate "freed" flag next to the count. */
    static final class FreedFlag implements RefCounted {
        private final Runnable free;
        private int count = 1;
        private boolean freed;
        FreedFlag(Runnable free) { this.free = free; }
        public int refCnt() { return freed ? 0 : count; }
        public void retain() {
            if (freed) {
                throw new IllegalStateException("retain() after free");
            }
            count++;
        }
        public boolean release() {
            if (freed) {
                throw new IllegalStateException("release() after free");
            }
            count--;
            if (count == 0) {
                freed = true;
                free.run();
            }
            return freed;
        }
    }

    /** Netty's way: its own exception type, a subclass of IllegalStateException, thrown by one guard. */
    static final class NettyStyle implements RefCounted {
        static final class IllegalReferenceCountException extends IllegalStateException {
            IllegalReferenceCountException(int count, int change) {
                super("refCnt: " + count + ", change: " + change);
            }
        }

        private final Runnable free;
        private int refCnt = 1;
        NettyStyle(Runnable free) { this.free = free; }
        public int refCnt() { return refCnt; }
        public void retain() {
            ensureAlive(+1);
            refCnt++;
        }
        public boolean release() {
            ensureAlive(-1);
            refCnt--;
            if (refCnt != 0) {
                return false;
            }
            free.run();
            return true;
        }
        private void ensureAlive(int change) {
            if (refCnt <= 0) {
                throw new IllegalReferenceCountException(refCnt, change);
            }
        }
    }

    /** The free action is dropped after use, so even a buggy path could not run it twice. */
    static final class DropsTheFreeAction implements RefCounted {
        private Runnable free;
        private int count = 1;
        DropsTheFreeAction(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (free == null) {
                throw new IllegalStateException("retain() of a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (free == null) {
                throw new IllegalStateException("release() of a freed resource");
            }
            if (--count > 0) {
                return false;
            }
            Runnable action = free;
            free = null;
            action.run();
            return true;
        }
    }

    /** An immutable state (count, freed) replaced by a new one at every call. */
    static final class ImmutableState implements RefCounted {
        record State(int count, boolean freed) {
            State retained() { return new State(count + 1, false); }
            State released() { return count == 1 ? new State(0, true) : new State(count - 1, false); }
        }

        private final Runnable free;
        private State state = new State(1, false);
        ImmutableState(Runnable free) { this.free = free; }
        public int refCnt() { return state.count(); }
        public void retain() {
            if (state.freed()) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            state = state.retained();
        }
        public boolean release() {
            if (state.freed()) {
                throw new IllegalStateException("release() on a freed resource");
            }
            state = state.released();
            if (state.freed()) {
                free.run();
            }
            return state.freed();
        }
    }

    /** A long count that refuses by comparing with zero after the change, and undoes it. */
    static final class UndoesRefusedRelease implements RefCounted {
        private final Runnable free;
        private long count = 1;
        UndoesRefusedRelease(Runnable free) { this.free = free; }
        public int refCnt() { return (int) count; }
        public void retain() {
            if (count++ == 0) {
                count--;
                throw new IllegalStateException("retain() on a freed resource");
            }
        }
        public boolean release() {
            long now = --count;
            if (now < 0) {
                count++;
                throw new IllegalStateException("release() on a freed resource");
            }
            if (now == 0) {
                free.run();
            }
            return now == 0;
        }
    }

    /** Every owner a token on a stack, and "freed" a flag of its own. */
    static final class OwnerTokens implements RefCounted {
        private final Runnable free;
        private final java.util.Deque<Object> owners = new java.util.ArrayDeque<>();
        private boolean freed;
        OwnerTokens(Runnable free) {
            this.free = free;
            owners.push(new Object());
        }
        public int refCnt() { return owners.size(); }
        public void retain() {
            if (freed) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            owners.push(new Object());
        }
        public boolean release() {
            if (freed) {
                throw new IllegalStateException("release() on a freed resource");
            }
            owners.pop();
            if (owners.isEmpty()) {
                freed = true;
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Netty's trick, the count kept doubled: an even raw value is twice the owners, 1 means freed. */
    static final class DoubledCount implements RefCounted {
        private static final int FREED = 1;
        private final Runnable free;
        private int raw = 2;
        DoubledCount(Runnable free) { this.free = free; }
        public int refCnt() { return raw == FREED ? 0 : raw >>> 1; }
        public void retain() {
            if (raw == FREED) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            raw += 2;
        }
        public boolean release() {
            if (raw == FREED) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (raw == 2) {
                raw = FREED;
                free.run();
                return true;
            }
            raw -= 2;
            return false;
        }
    }
}
