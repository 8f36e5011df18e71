package course.deadlock.exercises;

import course.deadlock.DeadlockDetector;
import course.deadlock.WaitCycle;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Exercise deadlock.detector: a detector that names the cycle.
 *
 * <p>Given the JVM's {@link ThreadMXBean}, return every deadlock among its threads as a
 * {@link WaitCycle}: the threads of the ring in wait order (each waits for a lock the next one
 * holds), each with every lock it holds and the lock it waits for. Threads that wait for a lock
 * of the ring without being part of it are not in the cycle. No deadlock, no cycles.
 *
 * <p>Run {@code ./mvnw test -pl 04-deadlock} to check your answer.
 */
public final class CycleDetector implements DeadlockDetector {

    @Override
    public List<WaitCycle> findCycles(ThreadMXBean threads) {
        // TODO: ask the bean which threads are deadlocked, then for each one what it holds,
        //  what it waits for and who owns that; follow the owners round the ring.
        return List.of();
    }
}
