package course.deadlock.exercises;

import course.deadlock.DeadlockDetector;
import course.deadlock.LockId;
import course.deadlock.WaitCycle;
import course.deadlock.Waiter;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Answers a learner might give to exercise deadlock.detector, right and wrong, for {@code DetectorCheckIT}. */
final class DetectorAnswers {

    private DetectorAnswers() {
    }

    static Waiter waiter(ThreadInfo info) {
        List<LockId> holds = new ArrayList<>();
        Arrays.stream(info.getLockedMonitors()).forEach(m -> holds.add(LockId.of(m)));
        Arrays.stream(info.getLockedSynchronizers()).forEach(s -> holds.add(LockId.of(s)));
        return new Waiter(info.getThreadId(), info.getThreadName(), holds, LockId.of(info.getLockInfo()));
    }

    /** Follows owners from each thread until one comes round again; the ring from there is a cycle. */
    static List<WaitCycle> rings(long[] ids, Map<Long, ThreadInfo> infos) {
        List<WaitCycle> cycles = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long start : ids) {
            List<Long> path = new ArrayList<>();
            Long current = start;
            while (current != null && !seen.contains(current) && !path.contains(current)) {
                path.add(current);
                ThreadInfo info = infos.get(current);
                current = info == null || info.getLockOwnerId() < 0 ? null : info.getLockOwnerId();
            }
            seen.addAll(path);
            if (current != null && path.contains(current)) {
                cycles.add(new WaitCycle(path.subList(path.indexOf(current), path.size()).stream()
                        .map(id -> waiter(infos.get(id))).toList()));
            }
        }
        return cycles;
    }

    static Map<Long, ThreadInfo> infos(ThreadMXBean threads, long[] ids, boolean withLocks) {
        Map<Long, ThreadInfo> infos = new LinkedHashMap<>();
        ThreadInfo[] all = withLocks ? threads.getThreadInfo(ids, true, true) : threads.getThreadInfo(ids);
        for (ThreadInfo info : all) {
            if (info != null) {
                infos.put(info.getThreadId(), info);
            }
        }
        return infos;
    }

    // ---- wrong ----

    /** The starter. */
    static final class NothingFound implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            return List.of();
        }
    }

    /** findMonitorDeadlockedThreads: blind to cycles through a Lock. */
    static final class MonitorDeadlocksOnly implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findMonitorDeadlockedThreads();
            return ids == null ? List.of() : rings(ids, infos(threads, ids, true));
        }
    }

    /** Forgets that the bean answers null, not an empty array, when nothing is deadlocked. */
    static final class NoNullCheck implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            return rings(ids, infos(threads, ids, true));
        }
    }

    /** getThreadInfo(ids) without the locks held: every "holds" list is empty. */
    static final class WithoutLockedObjects implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            return ids == null ? List.of() : rings(ids, infos(threads, ids, false));
        }
    }

    /** Lists the monitors held, and forgets the synchronizers (Locks). */
    static final class HeldMonitorsOnly implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            return rings(ids, infos(threads, ids, true)).stream().map(c -> new WaitCycle(c.waiters().stream()
                    .map(w -> {
                        ThreadInfo info = threads.getThreadInfo(new long[] {w.threadId()}, true, true)[0];
                        List<LockId> monitors = Arrays.stream(info.getLockedMonitors()).map(LockId::of).toList();
                        return new Waiter(w.threadId(), w.threadName(), monitors, w.wants());
                    }).toList())).toList();
        }
    }

    /** Every deadlocked thread in one cycle, in the order the bean names them. */
    static final class OneBigCycle implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            return List.of(new WaitCycle(infos(threads, ids, true).values().stream().map(DetectorAnswers::waiter).toList()));
        }
    }

    /** Keeps the whole path it walked, tail included (as the JVM's own search reports it). */
    static final class KeepsTheTail implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            List<WaitCycle> cycles = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (long start : ids) {
                List<Long> path = new ArrayList<>();
                Long current = start;
                while (current != null && !seen.contains(current) && !path.contains(current)) {
                    path.add(current);
                    ThreadInfo info = infos.get(current);
                    current = info == null || info.getLockOwnerId() < 0 ? null : info.getLockOwnerId();
                }
                seen.addAll(path);
                if (current != null && path.contains(current)) {
                    cycles.add(new WaitCycle(path.stream().map(id -> waiter(infos.get(id))).toList()));
                }
            }
            return cycles;
        }
    }

    /** The right threads, sorted by thread id instead of in wait order. */
    static final class SortedById implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            return rings(ids, infos(threads, ids, true)).stream().map(c -> new WaitCycle(c.waiters().stream()
                    .sorted(Comparator.comparingLong(Waiter::threadId)).toList())).toList();
        }
    }

    /** Asks the JVM's own bean instead of the one it is given: it sees every thread of the JVM. */
    static final class IgnoresTheGivenBean implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean given) {
            return new CycleDetector().findCycles(ManagementFactory.getThreadMXBean());
        }
    }

    // ---- right ----

    /** Builds the wait-for graph of every thread from a thread dump and finds its rings, without findDeadlockedThreads. */
    static final class GraphFromThreadDump implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            Map<Long, ThreadInfo> infos = new HashMap<>();
            for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
                infos.put(info.getThreadId(), info);
            }
            long[] waiting = infos.values().stream().filter(i -> i.getLockOwnerId() >= 0)
                    .mapToLong(ThreadInfo::getThreadId).toArray();
            return rings(waiting, infos);
        }
    }

    /** Each cycle starts at its lowest thread id, walking owners; locks as LockId from LockInfo by hand. */
    static final class StartsAtLowestId implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            List<WaitCycle> result = new ArrayList<>();
            for (WaitCycle cycle : rings(ids, infos)) {
                List<Waiter> waiters = cycle.waiters();
                int lowest = waiters.indexOf(waiters.stream().min(Comparator.comparingLong(Waiter::threadId)).orElseThrow());
                List<Waiter> rotated = Stream.concat(waiters.subList(lowest, waiters.size()).stream(),
                        waiters.subList(0, lowest).stream()).map(w -> {
                            ThreadInfo info = infos.get(w.threadId());
                            List<LockId> holds = new ArrayList<>();
                            for (LockInfo held : info.getLockedSynchronizers()) {
                                holds.add(new LockId(held.getClassName(), held.getIdentityHashCode()));
                            }
                            for (LockInfo held : info.getLockedMonitors()) {
                                holds.add(new LockId(held.getClassName(), held.getIdentityHashCode()));
                            }
                            LockInfo wants = info.getLockInfo();
                            return new Waiter(w.threadId(), w.threadName(), holds,
                                    new LockId(wants.getClassName(), wants.getIdentityHashCode()));
                        }).toList();
                result.add(new WaitCycle(rotated));
            }
            return result;
        }
    }
}
