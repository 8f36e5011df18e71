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

    /** The threads of a ring, from a thread on it: follow owners until the start comes round again. */
    static List<Long> ringFrom(long start, Map<Long, ThreadInfo> infos) {
        List<Long> ring = new ArrayList<>();
        long current = start;
        do {
            ring.add(current);
            current = infos.get(current).getLockOwnerId();
        } while (current != start);
        return ring;
    }

    static WaitCycle cycle(List<Long> ids, Map<Long, ThreadInfo> infos) {
        return new WaitCycle(ids.stream().map(id -> waiter(infos.get(id))).toList());
    }

    /** Every thread of the bean (not only the deadlocked ones), with its locks. */
    static Map<Long, ThreadInfo> everyThread(ThreadMXBean threads) {
        return infos(threads, threads.getAllThreadIds(), true);
    }

    /**
     * Drops the threads nobody waits for, once, and takes what is left as rings: a thread stuck
     * two deep behind a ring is still in it.
     */
    static final class TrimsTheTailOnce implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            Set<Long> waitedFor = new HashSet<>();
            infos.values().forEach(i -> waitedFor.add(i.getLockOwnerId()));
            List<WaitCycle> cycles = new ArrayList<>();
            Set<Long> used = new HashSet<>();
            for (long start : ids) {
                if (!waitedFor.contains(start) || used.contains(start)) {
                    continue;
                }
                List<Long> ring = new ArrayList<>();
                Long current = start;
                while (current != null && infos.containsKey(current) && !ring.contains(current)) {
                    ring.add(current);
                    current = infos.get(current).getLockOwnerId();
                }
                used.addAll(ring);
                cycles.add(cycle(ring, infos));
            }
            return cycles;
        }
    }

    /** Follows at most eight owners from each thread: a longer ring never comes round. */
    static final class FollowsEightOwners implements DeadlockDetector {
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
                for (int hop = 0; hop < 8 && current != null && !seen.contains(current) && !path.contains(current); hop++) {
                    path.add(current);
                    ThreadInfo info = infos.get(current);
                    current = info == null || info.getLockOwnerId() < 0 ? null : info.getLockOwnerId();
                }
                seen.addAll(path);
                if (current != null && path.contains(current)) {
                    cycles.add(cycle(path.subList(path.indexOf(current), path.size()), infos));
                }
            }
            return cycles;
        }
    }

    /** Only two threads waiting for each other: a ring of three or more is never seen. */
    static final class PairsOnly implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            List<WaitCycle> cycles = new ArrayList<>();
            for (long id : ids) {
                long owner = infos.get(id).getLockOwnerId();
                ThreadInfo next = infos.get(owner);
                if (next != null && next.getLockOwnerId() == id && id < owner) {
                    cycles.add(cycle(List.of(id, owner), infos));
                }
            }
            return cycles;
        }
    }

    /** One walk, from the first thread the bean names: one cycle at most. */
    static final class FirstThreadOnly implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            return rings(new long[] {ids[0]}, infos(threads, ids, true));
        }
    }

    /**
     * Walks from every thread of the bean, with one set of visited threads for all walks, and takes
     * a walk that runs into a visited thread for a ring: a thread stuck behind a ring that was
     * walked first is reported as a ring of its own.
     */
    static final class VisitedNeverCleared implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            Map<Long, ThreadInfo> infos = everyThread(threads);
            List<WaitCycle> cycles = new ArrayList<>();
            Set<Long> visited = new HashSet<>();
            for (long start : infos.keySet()) {
                List<Long> path = new ArrayList<>();
                Long current = start;
                while (current != null && !visited.contains(current)) {
                    visited.add(current);
                    path.add(current);
                    ThreadInfo info = infos.get(current);
                    current = info == null || info.getLockOwnerId() < 0 ? null : info.getLockOwnerId();
                }
                int from = current == null ? -1 : Math.max(0, path.indexOf(current));
                if (from >= 0 && path.size() - from > 1) {               // met a visited thread: "came round"
                    cycles.add(cycle(path.subList(from, path.size()), infos));
                }
            }
            return cycles;
        }
    }

    /**
     * Walks from every thread not met yet, and takes a walk that meets a thread met before for a way
     * into a ring: the chain from that thread on is reported, once. Two chains that join (two threads
     * waiting for one lock, say) make a "cycle" of where they join and what follows.
     */
    static final class MeetingIsACycle implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            Map<Long, ThreadInfo> infos = everyThread(threads);
            List<WaitCycle> cycles = new ArrayList<>();
            Set<Set<Long>> reported = new HashSet<>();
            Set<Long> met = new HashSet<>();
            for (long start : infos.keySet()) {
                Long current = start;
                while (current != null && infos.containsKey(current) && met.add(current)) {
                    long owner = infos.get(current).getLockOwnerId();
                    current = owner < 0 ? null : owner;
                }
                if (current == null || !infos.containsKey(current)) {
                    continue;
                }
                List<Long> chain = new ArrayList<>();
                for (Long t = current; t != null && infos.containsKey(t) && infos.get(t).getLockInfo() != null
                        && !chain.contains(t); ) {
                    chain.add(t);
                    long owner = infos.get(t).getLockOwnerId();
                    t = owner < 0 ? null : owner;
                }
                if (chain.size() > 1 && reported.add(new HashSet<>(chain))) {
                    cycles.add(cycle(chain, infos));
                }
            }
            return cycles;
        }
    }

    /** Follows the ring by the owner's name (getLockOwnerName): two threads of one name are taken for one. */
    static final class FollowsNames implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            Map<String, Long> byName = new HashMap<>();
            infos.values().forEach(i -> byName.put(i.getThreadName(), i.getThreadId()));
            List<WaitCycle> cycles = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (long start : ids) {
                List<Long> path = new ArrayList<>();
                Long current = start;
                while (current != null && !seen.contains(current) && !path.contains(current)) {
                    path.add(current);
                    String owner = infos.get(current).getLockOwnerName();
                    current = owner == null ? null : byName.get(owner);
                }
                seen.addAll(path);
                if (current != null && path.contains(current)) {
                    cycles.add(cycle(path.subList(path.indexOf(current), path.size()), infos));
                }
            }
            return cycles;
        }
    }

    /** Keeps the threads in an array indexed by thread id, sized for the ids a small program has. */
    static final class IdsAsIndexes implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            ThreadInfo[] byId = new ThreadInfo[100_000];
            for (ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
                byId[(int) info.getThreadId()] = info;
            }
            Map<Long, ThreadInfo> infos = new LinkedHashMap<>();
            for (long id : ids) {
                infos.put(id, byId[(int) id]);
            }
            return rings(ids, infos);
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

    /** Iterative depth-first search over every thread's one way out, with three colours. */
    static final class ColoursIterative implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            Map<Long, ThreadInfo> infos = everyThread(threads);
            Map<Long, Integer> colour = new HashMap<>();            // absent: white; 1: on the walk; 2: done
            List<WaitCycle> cycles = new ArrayList<>();
            for (long start : infos.keySet()) {
                List<Long> walk = new ArrayList<>();
                Long current = start;
                while (current != null && infos.containsKey(current) && !colour.containsKey(current)) {
                    colour.put(current, 1);
                    walk.add(current);
                    long owner = infos.get(current).getLockOwnerId();
                    current = owner < 0 ? null : owner;
                }
                if (current != null && colour.getOrDefault(current, 0) == 1) {
                    List<Long> ring = walk.subList(walk.indexOf(current), walk.size());
                    if (ring.size() > 1) {
                        cycles.add(cycle(ring, infos));
                    }
                }
                walk.forEach(id -> colour.put(id, 2));
            }
            return cycles;
        }
    }

    /** Tarjan's strongly connected components; each component of two or more threads is a ring. */
    static final class TarjanComponents implements DeadlockDetector {
        private final Map<Long, Integer> index = new HashMap<>();
        private final Map<Long, Integer> low = new HashMap<>();
        private final java.util.ArrayDeque<Long> stack = new java.util.ArrayDeque<>();
        private final Set<Long> onStack = new HashSet<>();
        private final List<List<Long>> components = new ArrayList<>();
        private Map<Long, ThreadInfo> infos;

        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            infos = infos(threads, ids, true);
            for (long id : ids) {
                if (!index.containsKey(id)) {
                    connect(id);
                }
            }
            return components.stream().filter(c -> c.size() > 1)
                    .map(c -> cycle(ringFrom(c.get(0), infos), infos)).toList();
        }

        private void connect(long v) {                       // recursive: rings of hundreds are fine
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            long w = infos.get(v).getLockOwnerId();
            if (infos.containsKey(w)) {
                if (!index.containsKey(w)) {
                    connect(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<Long> component = new ArrayList<>();
                long x;
                do {
                    x = stack.pop();
                    onStack.remove(x);
                    component.add(x);
                } while (x != v);
                components.add(component);
            }
        }
    }

    /** Kahn's peeling: drop threads nobody waits for, again and again; what is left are rings. */
    static final class PeelsTheTails implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            Map<Long, Integer> waitedOnBy = new HashMap<>();
            infos.keySet().forEach(id -> waitedOnBy.put(id, 0));
            infos.values().forEach(i -> waitedOnBy.computeIfPresent(i.getLockOwnerId(), (k, n) -> n + 1));
            java.util.ArrayDeque<Long> loose = new java.util.ArrayDeque<>();
            waitedOnBy.forEach((id, n) -> {
                if (n == 0) {
                    loose.add(id);
                }
            });
            Set<Long> left = new HashSet<>(infos.keySet());
            while (!loose.isEmpty()) {
                long id = loose.poll();
                left.remove(id);
                long owner = infos.get(id).getLockOwnerId();
                if (waitedOnBy.containsKey(owner) && waitedOnBy.merge(owner, -1, Integer::sum) == 0) {
                    loose.add(owner);
                }
            }
            List<WaitCycle> cycles = new ArrayList<>();
            while (!left.isEmpty()) {
                List<Long> ring = ringFrom(left.iterator().next(), infos);
                ring.forEach(left::remove);
                cycles.add(cycle(ring, infos));
            }
            return cycles;
        }
    }

    /**
     * Union-find over "waits for": one group per knot of threads (a knot of one-way-out threads
     * holds one ring at most). From any thread of a group, as many steps as the group has threads
     * land on its ring.
     */
    static final class UnionFind implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            Map<Long, Long> parent = new HashMap<>();
            infos.keySet().forEach(id -> parent.put(id, id));
            for (ThreadInfo info : infos.values()) {
                if (infos.containsKey(info.getLockOwnerId())) {
                    parent.put(root(parent, info.getThreadId()), root(parent, info.getLockOwnerId()));
                }
            }
            Map<Long, List<Long>> groups = new LinkedHashMap<>();
            infos.keySet().forEach(id -> groups.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id));
            List<WaitCycle> cycles = new ArrayList<>();
            for (List<Long> group : groups.values()) {
                Long current = group.get(0);
                for (int step = 0; step < group.size() && current != null; step++) {
                    long owner = infos.get(current).getLockOwnerId();
                    current = infos.containsKey(owner) ? owner : null;
                }
                if (current != null) {
                    cycles.add(cycle(ringFrom(current, infos), infos));
                }
            }
            return cycles;
        }

        private static long root(Map<Long, Long> parent, long id) {
            while (parent.get(id) != id) {
                parent.put(id, parent.get(parent.get(id)));
                id = parent.get(id);
            }
            return id;
        }
    }

    /** Floyd's tortoise and hare from each thread; a ring is kept once, by its lowest id. */
    static final class TortoiseAndHare implements DeadlockDetector {
        public List<WaitCycle> findCycles(ThreadMXBean threads) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            Map<Long, ThreadInfo> infos = infos(threads, ids, true);
            Map<Long, List<Long>> rings = new java.util.TreeMap<>();
            for (long start : ids) {
                Long slow = start;
                Long fast = start;
                do {
                    slow = step(slow, infos);
                    fast = step(step(fast, infos), infos);
                } while (fast != null && slow != null && !slow.equals(fast));
                if (fast != null && slow != null) {
                    List<Long> ring = ringFrom(slow, infos);
                    if (ring.size() > 1) {
                        rings.put(ring.stream().min(Long::compare).orElseThrow(), ring);
                    }
                }
            }
            return rings.values().stream().map(r -> cycle(r, infos)).toList();
        }

        private static Long step(Long id, Map<Long, ThreadInfo> infos) {
            if (id == null) {
                return null;
            }
            long owner = infos.get(id).getLockOwnerId();
            return infos.containsKey(owner) ? owner : null;
        }
    }
}
