package course.deadlock;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A deadlock: threads in a ring, each waiting for a lock that the next one holds, the last
 * waiting for one the first holds. It may start at any of its threads. A thread blocked on a
 * lock of the ring without being part of it is stuck too, but it is not in the cycle: ending
 * it would free nothing.
 */
public record WaitCycle(List<Waiter> waiters) {

    public WaitCycle {
        waiters = List.copyOf(waiters);
    }

    /** One line per thread: "name" holds ..., wants ... (held by the next). */
    @Override
    public String toString() {
        return waiters.stream()
                .map(w -> "\"" + w.threadName() + "\" holds " + w.holds() + " and waits for " + w.wants())
                .collect(Collectors.joining("\n", "cycle of " + waiters.size() + ":\n", ""));
    }
}
