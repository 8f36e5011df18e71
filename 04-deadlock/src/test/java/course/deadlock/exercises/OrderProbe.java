package course.deadlock.exercises;

import course.deadlock.LockId;
import course.deadlock.Transfer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the lock order of several transfers, one started after another, while other threads hold
 * all their accounts ({@link Holder}): each transfer soon waits for the account it locks first.
 * Between two starts the check may act as a transfer that holds both accounts and change their
 * balances: an order of locks that depends on balances then changes under the transfers' feet.
 *
 * <p>Each transfer's first account comes before its other one. If these "before"s go round in a
 * circle (x before y and y before x, or x before y, y before z and z before x), the account the
 * first transfer of the circle waits for is let go: if it then waits for its other account while
 * it holds the first, the transfers can each hold one lock while they wait for the next one's, in
 * a ring, and none of them would ever go on. A transfer that lets go of one lock before it asks
 * for the next, or never waits for a lock (tryLock and back-off), cannot deadlock this way and is
 * left to the other checks; so are transfers kept apart by a lock of their own.
 */
final class OrderProbe {

    /** A transfer to start, and what the check does (as a transfer holding both accounts) just before. */
    record Step(CheckAccount from, CheckAccount to, Runnable before) {
        String name() {
            return "transfer " + from.id() + "->" + to.id() + " (1)";
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Step> steps;
    private final Map<CheckAccount, Holder> holders = new HashMap<>();
    private final List<CountDownLatch> starts = new ArrayList<>();
    private final List<CheckAccount> firsts = new ArrayList<>();
    private int started = 1; // the first transfer starts at once
    private long settlingFrom;
    private int inCircle = -1; // the transfer given its first account, once the orders went round
    private String circle;
    private boolean decided;

    private OrderProbe(List<Step> steps) {
        this.steps = steps;
        for (Step step : steps) {
            holders.computeIfAbsent(step.from(), Holder::of);
            holders.computeIfAbsent(step.to(), Holder::of);
            starts.add(new CountDownLatch(1));
        }
        starts.get(0).countDown();
    }

    /** Runs the steps' transfers (of 1 each), and fails if their orders go round; every account is let go at the end. */
    static void probe(Scenario scenario, Transfer transfer, List<Step> steps) {
        OrderProbe probe = new OrderProbe(steps);
        List<Scenario.Job<Boolean>> jobs = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            CountDownLatch start = probe.starts.get(i);
            jobs.add(new Scenario.Job<>(step.name(), () -> {
                start.await();
                return transfer.transfer(step.from(), step.to(), 1);
            }));
        }
        try {
            scenario.run(TransferCheck.PAIR_LIMIT, probe::look, jobs);
        } finally {
            probe.releaseAll();
        }
        scenario.expectNoLockHeld("after " + jobs.stream().map(Scenario.Job::name).collect(Collectors.joining(", ")));
    }

    private String look(List<Thread> threads, long elapsed) {
        if (decided) {
            return null;
        }
        if (inCircle >= 0) {
            return nextWait(threads.get(inCircle), elapsed);
        }
        ThreadInfo latest = THREADS.getThreadInfo(threads.get(started - 1).threadId());
        if (!waitsOrEnded(latest)) {
            // it never waits for an account (tryLock and back-off, say): no order to read
            return elapsed - settlingFrom < TransferCheck.PROBE_PATIENCE_NANOS ? null : finish(null);
        }
        firsts.add(latest == null ? null : wanted(latest));
        if (started < steps.size()) {
            Step next = steps.get(started);
            if (next.before() != null) {
                next.before().run();
            }
            starts.get(started++).countDown();
            settlingFrom = elapsed;
            return null;
        }
        return circleOfFirsts(threads, elapsed);
    }

    /** All transfers wait for their first accounts: do the "first before other"s go round? */
    private String circleOfFirsts(List<Thread> threads, long elapsed) {
        if (firsts.contains(null)) {
            return finish(null); // one of them does not wait for an account: kept apart by a lock of its own
        }
        List<Integer> ring = ring();
        if (ring.isEmpty()) {
            return finish(null);
        }
        circle = ring.stream().map(i -> "\"" + threads.get(i).getName() + "\" waited first for " + firsts.get(i))
                .collect(Collectors.joining(", "));
        inCircle = ring.get(0);
        settlingFrom = elapsed;
        holders.get(firsts.get(inCircle)).release();
        return null;
    }

    /** Transfers whose firsts lead round in a circle, each one's other account the next one's first; or none. */
    private List<Integer> ring() {
        for (int start = 0; start < steps.size(); start++) {
            List<Integer> path = new ArrayList<>(List.of(start));
            int current = start;
            while (path.size() <= steps.size()) {
                int next = transferFirstAt(other(current));
                if (next < 0) {
                    break;
                }
                if (next == start) {
                    return path;
                }
                if (path.contains(next)) {
                    break;
                }
                path.add(next);
                current = next;
            }
        }
        return List.of();
    }

    private int transferFirstAt(CheckAccount account) {
        return firsts.indexOf(account);
    }

    private CheckAccount other(int transfer) {
        Step step = steps.get(transfer);
        return firsts.get(transfer) == step.from() ? step.to() : step.from();
    }

    /** The first transfer of the circle has its first account: does it hold on to it while it waits for its other? */
    private String nextWait(Thread thread, long elapsed) {
        ThreadInfo info = THREADS.getThreadInfo(new long[] {thread.threadId()}, true, true)[0];
        if (!waitsOrEnded(info) && elapsed - settlingFrom < TransferCheck.PROBE_PATIENCE_NANOS) {
            return null;
        }
        CheckAccount first = firsts.get(inCircle);
        CheckAccount second = other(inCircle);
        if (info == null || info.getLockOwnerId() < 0 || wanted(info) != second || !holdsALockOf(info, first)) {
            return finish(null); // it let go of its first lock before it asked for the next: no cycle
        }
        List<String> held = holders.keySet().stream().map(Object::toString).sorted().toList();
        return finish("while other threads held " + String.join(", ", held.subList(0, held.size() - 1)) + " and "
                + held.get(held.size() - 1) + ", " + circle + "; given " + first + ", \"" + info.getThreadName()
                + "\" held on to it and waited for " + second + ": the transfers take their locks in orders that go"
                + " round in a circle (opposite orders), each holding one lock while it waits for the next one's."
                + " Run together, each can take its first lock and then wait forever: a deadlock waiting for its"
                + " moment. Every transfer must take the locks in one order, the same for every pair of accounts"
                + " whatever their ids and balances.");
    }

    private String finish(String verdict) {
        decided = true;
        releaseAll();
        return verdict;
    }

    /** Lets go of every account, and lets every transfer not yet started start. */
    private void releaseAll() {
        holders.values().forEach(Holder::release);
        starts.forEach(CountDownLatch::countDown);
    }

    private CheckAccount wanted(ThreadInfo info) {
        long owner = info.getLockOwnerId();
        return holders.entrySet().stream().filter(e -> e.getValue().threadId() == owner).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static boolean waitsOrEnded(ThreadInfo info) {
        return info == null || info.getThreadState() == Thread.State.TERMINATED || info.getLockOwnerId() >= 0;
    }

    /** Its lock, the account object's monitor, or the lock object's monitor, as ThreadMXBean sees them held. */
    private static boolean holdsALockOf(ThreadInfo info, CheckAccount account) {
        List<LockId> ofAccount = List.of(LockId.of(account.mutex()), LockId.of(account),
                LockId.of(account.steppingLock()));
        return Stream.concat(Arrays.stream(info.getLockedSynchronizers()), Arrays.stream(info.getLockedMonitors()))
                .map(LockId::of).anyMatch(ofAccount::contains);
    }
}
