package course.deadlock.exercises;

import course.deadlock.LockId;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * One check's small world: its accounts, the threads that run transfers on them, and the
 * means to judge and to stop those threads.
 *
 * <p>{@link #run} starts transfers on named daemon threads, released together, and waits until
 * they end. It never hangs: it fails as soon as ThreadMXBean finds two of them deadlocked, as
 * soon as two transfers in lockstep have failed {@value #LIVELOCK_TRIES} tryLocks between them
 * (a livelock: with back-off, they fall out of step after a collision or two), when a
 * {@link Watch} of the check says so, or at a time limit; then it stops them (see
 * {@link Abandoned}) and its message says who held what and who waited for what.
 */
final class Scenario {

    static final int LIVELOCK_TRIES = 200;
    /** A deadlock must still be there this long after it was first seen (a timed wait may just be ending). */
    static final long DEADLOCK_CONFIRMATION_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A transfer to run on a thread of its own, called {@code name}. */
    record Job<T>(String name, Callable<T> call) {
    }

    /** Looked at every millisecond while the transfers run; returns a failure message, or null while all is well. */
    @FunctionalInterface
    interface Watch {
        String check(List<Thread> workers, long elapsedNanos);
    }

    private final Lockstep lockstep;
    private final List<CheckAccount> accounts = new CopyOnWriteArrayList<>();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Set<Thread> inTimedTryLock = ConcurrentHashMap.newKeySet();
    private final Set<Thread> inUntimedWait = ConcurrentHashMap.newKeySet();
    private final Set<String> notes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedTries = new AtomicInteger();
    private final ThreadLocal<Object> currentCall = new ThreadLocal<>();
    private final Set<String> overdraftsSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> touchedWithoutBothLocks = ConcurrentHashMap.newKeySet();
    private volatile boolean bothLocksRequired;
    private volatile boolean abandoning;

    private Scenario(boolean inLockstep) {
        this.lockstep = inLockstep ? new Lockstep(this) : null;
    }

    /** Transfers that run in step (see {@link Lockstep}): for two transfers at once. */
    static Scenario inLockstep() {
        return new Scenario(true);
    }

    /** Transfers that run as the scheduler lets them. */
    static Scenario freeRunning() {
        return new Scenario(false);
    }

    CheckAccount open(int id, long balance) {
        return adopt(new CheckAccount(this).open(id, balance, new SteppingLock(this)));
    }

    CheckAccount adopt(CheckAccount account) {
        accounts.add(account);
        return account;
    }

    // ---- what the accounts and locks report ----

    void step(Lockstep.Kind kind) {
        abandonIfAsked();
        if (lockstep != null) {
            lockstep.step(kind);
        }
    }

    void abandonIfAsked() {
        if (abandoning && workers.contains(Thread.currentThread())) {
            throw new Abandoned();
        }
    }

    void enterWait(boolean timed) {
        (timed ? inTimedTryLock : inUntimedWait).add(Thread.currentThread());
    }

    void leaveWait() {
        inTimedTryLock.remove(Thread.currentThread());
        inUntimedWait.remove(Thread.currentThread());
    }

    boolean inTimedTryLock(Thread thread) {
        return inTimedTryLock.contains(thread);
    }

    boolean inUntimedWait(Thread thread) {
        return inUntimedWait.contains(thread);
    }

    void failedTry() {
        failedTries.incrementAndGet();
    }

    int failedTries() {
        return failedTries.get();
    }

    void note(String note) {
        notes.add(note);
    }

    // ---- which transfer call is running: each read and write of a balance is told to its account ----

    /**
     * Marks the start of a transfer call on this thread; {@code name} (its toString(), taken only when
     * a message needs it) is how messages call it. {@link #run} does it for each job; a job that makes
     * many transfers calls it before each one.
     */
    void beginCall(Object name) {
        currentCall.set(name);
    }

    /** The transfer call running on this thread, or the thread itself outside any call. */
    Object currentCall() {
        Object call = currentCall.get();
        return call != null ? call : Thread.currentThread().getName();
    }

    /** An account saw one transfer read a negative balance that another transfer had written. */
    void overdraftSeen(String what) {
        overdraftsSeen.add(what);
    }

    /**
     * From now on, every balance read or write made inside a {@link TransferCheck.StressCall} must
     * be made holding the locks of both its accounts: the promise of {@link course.deadlock.TimedTransfer}.
     */
    void requireBothLocks() {
        bothLocksRequired = true;
    }

    boolean bothLocksRequired() {
        return bothLocksRequired;
    }

    /** A transfer read or wrote a balance without holding both its accounts' locks. */
    void touchedWithoutBothLocks(String what) {
        touchedWithoutBothLocks.add(what);
    }

    /** The first such read or write, or null. */
    String touchedWithoutBothLocks() {
        return touchedWithoutBothLocks.stream().sorted().findFirst().orElse(null);
    }

    /** The first overdraft another transfer could see (see {@link CheckAccount#balance()}), or null. */
    String overdraftSeen() {
        return overdraftsSeen.stream().sorted().findFirst().orElse(null);
    }

    /** What the locks noticed along the way, as extra lines for a failure message. */
    String notes() {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    // ---- running transfers ----

    /** Runs one transfer alone. */
    <T> T runAlone(String name, Duration limit, Callable<T> call) {
        return run(limit, null, List.of(new Job<>(name, call))).get(0);
    }

    <T> List<T> run(Duration limit, List<Job<T>> jobs) {
        return run(limit, null, jobs);
    }

    /**
     * Runs the jobs together and returns their results in order.
     *
     * @throws AssertionError on a deadlock, a livelock, a watch's complaint, the time limit, or a
     *                        job that threw; the message says what each thread held and waited for
     */
    <T> List<T> run(Duration limit, Watch watch, List<Job<T>> jobs) {
        int count = jobs.size();
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Job<T> job = jobs.get(i);
            Thread thread = Thread.ofPlatform().name(job.name()).daemon(true).unstarted(() -> {
                ready.countDown();
                try {
                    go.await();
                    if (lockstep != null) {
                        lockstep.arrive();
                    }
                    beginCall(job.name());
                    results.set(index, job.call().call());
                } catch (Throwable e) {
                    errors.set(index, e);
                } finally {
                    if (lockstep != null) {
                        lockstep.leave();
                    }
                }
            });
            workers.add(thread);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        awaitQuietly(ready);
        long start = System.nanoTime();
        go.countDown();
        String failure = watchUntilEnded(threads, start, limit, watch);
        if (failure != null) {
            stop(threads);
            throw new AssertionError(failure + notes());
        }
        for (int i = 0; i < count; i++) {
            Throwable error = errors.get(i);
            if (error instanceof AssertionError assertion) {
                throw assertion;
            }
            if (error != null && !(error instanceof Abandoned)) {
                throw new AssertionError("\"" + threads.get(i).getName() + "\" threw " + error + courseFrames(error)
                        + notes(), error);
            }
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    private String watchUntilEnded(List<Thread> threads, long start, Duration limit, Watch watch) {
        List<Thread> seenDeadlocked = List.of();
        long seenSince = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long elapsed = System.nanoTime() - start;
            List<Thread> deadlocked = deadlockedAmong(threads);
            boolean forGood = deadlocked.size() >= 2 && deadlocked.stream().noneMatch(inTimedTryLock::contains);
            // (a cycle in which someone waits in a timed tryLock ends by itself when that try times out)
            if (!forGood || !deadlocked.equals(seenDeadlocked)) {
                seenDeadlocked = forGood ? deadlocked : List.of();
                seenSince = System.nanoTime();
            } else if (System.nanoTime() - seenSince > DEADLOCK_CONFIRMATION_NANOS) {
                return "deadlock: ThreadMXBean.findDeadlockedThreads() names " + deadlocked.size() + " of the "
                        + threads.size() + " transfers, " + millis(seenSince - start) + " ms after they started:\n"
                        + describe(deadlocked) + "\nEach holds a lock that another one waits for, round in a"
                        + " circle: none of them can ever go on.";
            }
            if (lockstep != null && failedTries.get() >= LIVELOCK_TRIES) { // two transfers in step: see Lockstep
                return "livelock: the transfers failed " + failedTries.get() + " tryLocks in " + millis(elapsed)
                        + " ms and none of them finished. Nobody is blocked for good, and nobody gets anywhere:"
                        + " either each keeps one lock while it tries the other's again, or each lets go and tries"
                        + " again at once, in step with the other, round after round.\nNow:\n" + describe(threads);
            }
            String complaint = watch == null ? null : watch.check(threads, elapsed);
            if (complaint != null) {
                return complaint;
            }
            if (elapsed > limit.toNanos()) {
                return "the transfers did not finish within " + limit.toMillis() + " ms:\n" + describe(threads);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return null;
    }

    /** Stops the transfers: abandon, interrupt, and wait a moment for each. */
    void stop(List<Thread> threads) {
        abandoning = true;
        threads.forEach(Thread::interrupt);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static List<Thread> deadlockedAmong(List<Thread> threads) {
        long[] found = THREADS.findDeadlockedThreads(); // null when the JVM has no deadlock at all
        if (found == null) {
            return List.of();
        }
        Set<Long> ids = Arrays.stream(found).boxed().collect(Collectors.toSet());
        return threads.stream().filter(t -> ids.contains(t.threadId())).toList();
    }

    // ---- who holds what ----

    /** One line per thread: what it holds, what it waits for and who owns that, or what state it is in. */
    String describe(List<Thread> threads) {
        Map<Long, String> names = new HashMap<>();
        threads.forEach(t -> names.put(t.threadId(), t.getName()));
        List<String> lines = new ArrayList<>();
        for (Thread thread : threads) {
            ThreadInfo info = THREADS.getThreadInfo(new long[] {thread.threadId()}, true, true)[0];
            if (info == null) {
                lines.add("  \"" + thread.getName() + "\" has finished");
                continue;
            }
            Set<String> held = new LinkedHashSet<>();
            Arrays.stream(info.getLockedMonitors()).forEach(m -> held.add(lockName(m)));
            Arrays.stream(info.getLockedSynchronizers()).forEach(s -> held.add(lockName(s)));
            String line = "  \"" + thread.getName() + "\" holds " + (held.isEmpty() ? "nothing" : String.join(", ", held));
            if (info.getLockInfo() != null && info.getLockOwnerId() >= 0) {
                line += " and waits for " + lockName(info.getLockInfo()) + ", held by \""
                        + names.getOrDefault(info.getLockOwnerId(), info.getLockOwnerName()) + "\"";
            } else {
                line += "; it is " + info.getThreadState();
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    /** A lock as a learner knows it: "account 1's lock", "account 1 (its monitor)", or class@hash. */
    String lockName(LockInfo lock) {
        for (CheckAccount account : accounts) {
            if (same(lock, account.mutex())) {
                return account.mutex().name();
            }
            if (same(lock, account)) {
                return account + " (the account object's monitor)";
            }
            if (same(lock, account.steppingLock())) {
                return account + "'s lock object (its monitor)";
            }
        }
        return LockId.of(lock).toString();
    }

    private static boolean same(LockInfo lock, Object candidate) {
        return LockId.of(lock).equals(LockId.of(candidate));
    }

    /** Fails if any account's lock is still held: every path of a transfer must release what it took. */
    void expectNoLockHeld(String after) {
        for (CheckAccount account : accounts) {
            Thread owner = account.mutex().owner();
            if (owner != null) {
                throw new AssertionError(after + ", " + account.mutex().name() + " is still locked, by \""
                        + owner.getName() + "\"" + (owner.isAlive() ? "" : ", a thread that has ended")
                        + ": a transfer must release every lock it took, on every path out (return, refusal,"
                        + " giving up, exception). Unlock in a finally block." + notes());
            }
        }
    }

    private static String courseFrames(Throwable error) {
        return Arrays.stream(error.getStackTrace())
                .filter(f -> f.getClassName().startsWith("course.deadlock"))
                .limit(4)
                .map(f -> "\n    at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                        + f.getLineNumber() + ")")
                .collect(Collectors.joining());
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
