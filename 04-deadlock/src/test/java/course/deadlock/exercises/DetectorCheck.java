package course.deadlock.exercises;

import course.deadlock.DeadlockDetector;
import course.deadlock.LockId;
import course.deadlock.Mutex;
import course.deadlock.WaitCycle;
import course.deadlock.Waiter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The checks of exercise deadlock.detector, for any {@link DeadlockDetector} class with a
 * no-argument constructor. Each check ties the threads of a {@link Knot} into a known deadlock
 * (or into a plain wait, which is none), hands the detector a ThreadMXBean that sees only the
 * check's threads ({@link OwnThreadsBean}), and compares its cycles with the knot.
 */
final class DetectorCheck {

    private DetectorCheck() {
    }

    static void all(Class<? extends DeadlockDetector> answer) {
        findsNothingWithoutADeadlock(answer);
        findsATwoThreadCycle(answer);
        findsTheCycleButNotTheThreadsWaitingOnIt(answer);
        findsTwoCyclesAtOnce(answer);
        findsTheCyclesOfManyGraphs(answer);
    }

    /** A thread waits for a lock whose owner waits for a signal: stuck for now, but no cycle. */
    static void findsNothingWithoutADeadlock(Class<? extends DeadlockDetector> answer) {
        Mutex a = new Mutex("mutex A");
        CountDownLatch signal = new CountDownLatch(1);
        try (Knot knot = new Knot(2)) {
            Knot.Strand owner = knot.strand("owner of A", List.of(a), signal);
            Knot.Strand waiter = knot.strand("waiter for A", List.of(), a);
            knot.tie(List.of());
            Knot.awaitWaiting(waiter.thread(), owner.thread());
            String situation = "one thread waits for mutex A, whose owner waits for a signal: no deadlock";
            OwnThreadsBean view = OwnThreadsBean.seeing(
                    knot.threads().stream().map(Thread::threadId).collect(Collectors.toSet()));
            List<WaitCycle> ours = touching(detect(answer, view, situation), knot);
            if (!ours.isEmpty()) {
                throw new AssertionError("one thread waits for mutex A, whose owner waits for a signal, not for a"
                        + " lock: that is no deadlock, but the detector returned " + ours);
            }
            expectUsed(view, situation);
            signal.countDown();
        }
    }

    /** Two threads, two mutexes, each holding one and wanting the other. */
    static void findsATwoThreadCycle(Class<? extends DeadlockDetector> answer) {
        Mutex a = new Mutex("mutex A");
        Mutex b = new Mutex("mutex B");
        try (Knot knot = new Knot(2)) {
            Knot.Strand first = knot.strand("holds A, wants B", List.of(a), b);
            Knot.Strand second = knot.strand("holds B, wants A", List.of(b), a);
            knot.tie(List.of(first, second));
            expectCycles(answer, knot, List.of(List.of(first, second)), List.of(), names(a, b));
        }
    }

    // tag::tail[]
    /**
     * Three threads in a ring of monitors and mutexes, in a wait order that is not their start
     * order, one of them holding two locks; and a fourth thread that waits for a lock of the
     * ring without being in it. The cycle is the three, in wait order; the fourth is not in it.
     */
    static void findsTheCycleButNotTheThreadsWaitingOnIt(Class<? extends DeadlockDetector> answer) {
        Object m1 = new Object();
        Object m2 = new Object();
        Mutex a = new Mutex("mutex A");
        Mutex c = new Mutex("mutex C");
        Mutex d = new Mutex("mutex D");
        try (Knot knot = new Knot(4)) {
            // the first thread made is the first the JVM walks from: it then reports the tail as deadlocked too
            Knot.Strand tail = knot.strand("waits on the ring", List.of(d), m1);
            Knot.Strand t1 = knot.strand("ring 1", List.of(m1, a), c);     // wants C, which ring 3 holds
            Knot.Strand t2 = knot.strand("ring 2", List.of(m2), a);        // wants A, which ring 1 holds
            Knot.Strand t3 = knot.strand("ring 3", List.of(c), m2);        // wants M2, which ring 2 holds
            knot.tie(List.of(t1, t2, t3));
            Knot.awaitWaiting(tail.thread(), t1.thread());
            Map<LockId, String> names = names(a, c, d);
            names.put(LockId.of(m1), "monitor M1");
            names.put(LockId.of(m2), "monitor M2");
            expectCycles(answer, knot, List.of(List.of(t1, t3, t2)), List.of(tail), names);
        }
    }
    // end::tail[]

    /** Two separate deadlocks at once: two cycles, not one. */
    static void findsTwoCyclesAtOnce(Class<? extends DeadlockDetector> answer) {
        Mutex e = new Mutex("mutex E");
        Mutex f = new Mutex("mutex F");
        Mutex g = new Mutex("mutex G");
        Object m3 = new Object();
        try (Knot knot = new Knot(4)) {
            Knot.Strand p1 = knot.strand("pair P 1", List.of(e), f);
            Knot.Strand q1 = knot.strand("pair Q 1", List.of(m3), g);
            Knot.Strand p2 = knot.strand("pair P 2", List.of(f), e);
            Knot.Strand q2 = knot.strand("pair Q 2", List.of(g), m3);
            knot.tie(List.of(p1, q1, p2, q2));
            Map<LockId, String> names = names(e, f, g);
            names.put(LockId.of(m3), "monitor M3");
            expectCycles(answer, knot, List.of(List.of(p1, p2), List.of(q1, q2)), List.of(), names);
        }
    }

    /**
     * A hundred and sixty made-up wait-for graphs and two large ones, small to large ({@link WaitGraphs}): on each,
     * exactly its cycles ({@link DetectorProperty}).
     */
    static void findsTheCyclesOfManyGraphs(Class<? extends DeadlockDetector> answer) {
        DetectorProperty.check(answer);
    }

    // ---- judging ----

    private static void expectCycles(Class<? extends DeadlockDetector> answer, Knot knot, List<List<Knot.Strand>> cycles,
                                     List<Knot.Strand> tails, Map<LockId, String> names) {
        String situation = describe(cycles, tails, names);
        OwnThreadsBean view = OwnThreadsBean.seeing(
                knot.threads().stream().map(Thread::threadId).collect(Collectors.toSet()));
        List<WaitCycle> ours = touching(detect(answer, view, situation), knot);
        for (Knot.Strand tail : tails) {
            for (WaitCycle cycle : ours) {
                if (cycle.waiters().stream().anyMatch(w -> w.threadId() == tail.thread().threadId())) {
                    throw new AssertionError(situation + "\nThe detector put \"" + tail.thread().getName() + "\" in a"
                            + " cycle. It is stuck, but it only waits for a lock of the ring: nobody waits for it,"
                            + " and ending it would free nothing. Only the threads that come round again form the cycle.");
                }
            }
        }
        for (List<Knot.Strand> expected : cycles) {
            Set<Long> ids = expected.stream().map(s -> s.thread().threadId()).collect(Collectors.toSet());
            List<WaitCycle> sharing = ours.stream()
                    .filter(c -> c.waiters().stream().anyMatch(w -> ids.contains(w.threadId()))).toList();
            if (sharing.isEmpty()) {
                throw new AssertionError(situation + "\nThe detector did not return this cycle: "
                        + names(expected) + ". It returned " + (ours.isEmpty() ? "nothing" : ours) + "."
                        + (view.used() ? "" : " It never asked the ThreadMXBean it was given."));
            }
            WaitCycle cycle = sharing.get(0);
            Set<Long> found = cycle.waiters().stream().map(Waiter::threadId).collect(Collectors.toSet());
            if (sharing.size() > 1 || !found.equals(ids)) {
                throw new AssertionError(situation + "\nThe detector returned " + sharing.size() + " cycle(s) with the"
                        + " threads of " + names(expected) + ": " + sharing + ". Each cycle is one ring, returned"
                        + " once, with its own threads and no others.");
            }
            expectWaitOrder(situation, cycle, expected);
            for (Waiter waiter : cycle.waiters()) {
                Knot.Strand strand = expected.stream().filter(s -> s.thread().threadId() == waiter.threadId())
                        .findFirst().orElseThrow();
                expectLocks(situation, waiter, strand, names);
            }
        }
        if (ours.size() != cycles.size()) {
            throw new AssertionError(situation + "\nThe detector returned " + ours.size() + " cycles: " + ours);
        }
        expectUsed(view, situation);
    }

    private static void expectUsed(OwnThreadsBean view, String situation) {
        if (!view.used()) {
            throw new AssertionError(situation + "\nThe detector never asked the ThreadMXBean it was given. Ask it,"
                    + " and nothing else: the check's bean sees only the check's threads.");
        }
    }

    private static void expectWaitOrder(String situation, WaitCycle cycle, List<Knot.Strand> expected) {
        List<Long> order = expected.stream().map(s -> s.thread().threadId()).toList();
        List<Long> got = cycle.waiters().stream().map(Waiter::threadId).toList();
        int shift = order.indexOf(got.get(0));
        for (int i = 0; i < got.size(); i++) {
            if (!got.get(i).equals(order.get((i + shift) % order.size()))) {
                throw new AssertionError(situation + "\nThe detector returned the threads in the order "
                        + cycle.waiters().stream().map(w -> "\"" + w.threadName() + "\"").toList() + ", which is not"
                        + " the wait order: each thread of a cycle must be followed by the owner of the lock it"
                        + " waits for.");
            }
        }
    }

    private static void expectLocks(String situation, Waiter waiter, Knot.Strand strand, Map<LockId, String> names) {
        Set<LockId> holds = strand.holds().stream().map(LockId::of).collect(Collectors.toSet());
        LockId wants = LockId.of(strand.wants());
        if (!new HashSet<>(waiter.holds()).equals(holds) || waiter.holds().size() != holds.size()) {
            throw new AssertionError(situation + "\nFor \"" + waiter.threadName() + "\" the detector says it holds "
                    + named(waiter.holds(), names) + "; it holds " + named(List.copyOf(holds), names) + ". Ask for"
                    + " the locked monitors and the locked synchronizers (getThreadInfo(ids, true, true)), and list"
                    + " both.");
        }
        if (!wants.equals(waiter.wants())) {
            throw new AssertionError(situation + "\nFor \"" + waiter.threadName() + "\" the detector says it waits for "
                    + named(java.util.Collections.singletonList(waiter.wants()), names) + "; it waits for "
                    + names.getOrDefault(wants, wants.toString()) + " (ThreadInfo.getLockInfo()).");
        }
    }

    /** Runs the detector on a bean that sees only the knot's threads. */
    private static List<WaitCycle> detect(Class<? extends DeadlockDetector> answer, OwnThreadsBean view,
                                          String situation) {
        List<WaitCycle> found;
        try {
            found = create(answer).findCycles(view.bean());
        } catch (RuntimeException e) {
            throw new AssertionError(situation + "\nThe detector threw " + e + frames(e)
                    + (e instanceof NullPointerException ? "\n(findDeadlockedThreads() returns null, not an empty"
                    + " array, when no thread is deadlocked)" : ""), e);
        }
        if (found == null) {
            throw new AssertionError(situation + "\nThe detector returned null; return an empty list when there is"
                    + " no deadlock.");
        }
        return found;
    }

    /** The cycles that include any of the knot's threads (a JVM may have other deadlocks). */
    private static List<WaitCycle> touching(List<WaitCycle> found, Knot knot) {
        Set<Long> ids = knot.threads().stream().map(Thread::threadId).collect(Collectors.toSet());
        return found.stream().filter(c -> c != null && c.waiters().stream().anyMatch(w -> ids.contains(w.threadId())))
                .toList();
    }

    private static String describe(List<List<Knot.Strand>> cycles, List<Knot.Strand> tails, Map<LockId, String> names) {
        List<String> lines = new ArrayList<>();
        for (List<Knot.Strand> cycle : cycles) {
            lines.add("a cycle of " + cycle.size() + " threads:");
            cycle.forEach(s -> lines.add(line(s, names)));
        }
        for (Knot.Strand tail : tails) {
            lines.add("and, outside the cycle:");
            lines.add(line(tail, names));
        }
        return String.join("\n", lines);
    }

    private static String line(Knot.Strand strand, Map<LockId, String> names) {
        return "  \"" + strand.thread().getName() + "\" holds "
                + named(strand.holds().stream().map(LockId::of).toList(), names) + " and waits for "
                + names.getOrDefault(LockId.of(strand.wants()), "?");
    }

    private static String named(List<LockId> locks, Map<LockId, String> names) {
        return locks.stream().map(l -> l == null ? "null" : names.getOrDefault(l, l.toString()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String names(List<Knot.Strand> strands) {
        return strands.stream().map(s -> "\"" + s.thread().getName() + "\"").collect(Collectors.joining(", "));
    }

    private static Map<LockId, String> names(Mutex... mutexes) {
        Map<LockId, String> names = new HashMap<>();
        for (Mutex mutex : mutexes) {
            names.put(LockId.of(mutex), mutex.name());
        }
        return names;
    }

    static String frames(Throwable error) {
        return java.util.Arrays.stream(error.getStackTrace())
                .filter(f -> f.getClassName().startsWith("course.deadlock"))
                .limit(3)
                .map(f -> "\n    at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                        + f.getLineNumber() + ")")
                .collect(Collectors.joining());
    }

    static DeadlockDetector create(Class<? extends DeadlockDetector> answer) {
        try {
            var constructor = answer.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
