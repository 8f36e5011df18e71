package course.deadlock;

import java.lang.management.ThreadMXBean;
import java.util.List;

/** Finds the deadlocks of a running JVM: what exercise deadlock.detector implements. */
@FunctionalInterface
public interface DeadlockDetector {

    /**
     * Every wait-for cycle among the threads of {@code threads} now, each cycle once, its
     * threads in wait order (see {@link WaitCycle}); an empty list if there is no deadlock.
     *
     * @param threads the JVM's thread bean ({@code ManagementFactory.getThreadMXBean()}, or one
     *                a test hands you): ask it, and nothing else, about threads and locks
     */
    List<WaitCycle> findCycles(ThreadMXBean threads);
}
