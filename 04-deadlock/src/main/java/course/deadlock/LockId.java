package course.deadlock;

import java.lang.management.LockInfo;

/**
 * Names a lock the way the JVM's thread tools do: its class and its identity hash code. A
 * {@link LockInfo} from {@code ThreadMXBean} says the same two things, so a lock seen in a
 * thread's "holds" list and the lock another thread waits for compare equal exactly when they
 * are the same object. For a monitor ({@code synchronized}) it is the object locked; for a
 * {@link Mutex}, the mutex itself; for a {@code ReentrantLock}, its inner synchronizer.
 */
public record LockId(String className, int identityHashCode) {

    /** The lock a {@link LockInfo} (or a {@link java.lang.management.MonitorInfo}) describes. */
    public static LockId of(LockInfo info) {
        return new LockId(info.getClassName(), info.getIdentityHashCode());
    }

    /** The id of a lock object you have in hand: a monitor's object, or a {@link Mutex}. */
    public static LockId of(Object lock) {
        return new LockId(lock.getClass().getName(), System.identityHashCode(lock));
    }

    @Override
    public String toString() {
        return className.substring(className.lastIndexOf('.') + 1) + "@" + Integer.toHexString(identityHashCode);
    }
}
