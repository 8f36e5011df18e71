package course.deadlock.exercises;

import course.deadlock.DeadlockDetector;
import course.deadlock.LockId;
import course.deadlock.WaitCycle;
import course.deadlock.Waiter;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exercise deadlock.detector, solved. {@code findDeadlockedThreads()} says which threads are
 * stuck for good, including threads that merely wait on a deadlocked one. From each of them the
 * detector follows "waits for a lock owned by" until a thread comes round again: the threads
 * from that one on are a cycle; the ones before it are a tail and belong to no cycle.
 */
public final class CycleDetector implements DeadlockDetector {

    // tag::solution[]
    @Override
    public List<WaitCycle> findCycles(ThreadMXBean threads) {
        long[] deadlocked = threads.findDeadlockedThreads();      // null, not empty, when there is none
        if (deadlocked == null) {
            return List.of();
        }
        Map<Long, ThreadInfo> infos = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(deadlocked, true, true)) { // with the locks they hold
            if (info != null) {
                infos.put(info.getThreadId(), info);
            }
        }
        List<WaitCycle> cycles = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long start : deadlocked) {
            List<Long> path = new ArrayList<>();
            Long current = start;
            while (current != null && !seen.contains(current) && !path.contains(current)) {
                path.add(current);
                ThreadInfo info = infos.get(current);
                current = info == null || info.getLockOwnerId() < 0 ? null : info.getLockOwnerId();
            }
            seen.addAll(path);
            if (current != null && path.contains(current)) {          // came round: a new cycle
                List<Long> ring = path.subList(path.indexOf(current), path.size());
                cycles.add(new WaitCycle(ring.stream().map(id -> waiter(infos.get(id))).toList()));
            }                                                         // else: a tail into a known cycle
        }
        return cycles;
    }

    private static Waiter waiter(ThreadInfo info) {
        List<LockId> holds = new ArrayList<>();
        for (var monitor : info.getLockedMonitors()) {
            holds.add(LockId.of(monitor));
        }
        for (var synchronizer : info.getLockedSynchronizers()) {
            holds.add(LockId.of(synchronizer));
        }
        return new Waiter(info.getThreadId(), info.getThreadName(), holds, LockId.of(info.getLockInfo()));
    }
    // end::solution[]
}
