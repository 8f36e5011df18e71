package course.deadlock;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks the JVM whether some threads are deadlocked, and says who holds what and who waits for
 * what. Built on {@link ThreadMXBean#findDeadlockedThreads()}, which sees cycles through monitors
 * ({@code synchronized}) and through ownable synchronizers ({@code ReentrantLock}, {@link Mutex}).
 *
 * <p>Locks are shown by the names given to {@link #name}; others as class@hash.
 */
public final class DeadlockReport {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Integer, String> names = new HashMap<>();

    /** Calls {@code lock} (a monitor's object, or a Mutex) {@code name} in the report. */
    public DeadlockReport name(Object lock, String name) {
        names.put(System.identityHashCode(lock), name);
        return this;
    }

    /** Names each account's lock "account N's lock", and each account object, as a monitor, "account N". */
    public DeadlockReport nameAccounts(Collection<? extends Account> accounts) {
        for (Account account : accounts) {
            name(account.lock(), "account " + account.id() + "'s lock");
            name(account, "account " + account.id());
        }
        return this;
    }

    // tag::find-deadlock[]
    /**
     * Waits until all of {@code threads} are in the JVM's answer to "which threads are
     * deadlocked?", or {@code limit} passes. Another part of the program may be deadlocked
     * too: only these threads count.
     *
     * @return true if they are all deadlocked
     */
    public static boolean awaitDeadlock(Collection<Thread> threads, Duration limit) throws InterruptedException {
        Set<Long> ours = threads.stream().map(Thread::threadId).collect(Collectors.toSet());
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            long[] deadlocked = THREADS.findDeadlockedThreads(); // null when there is none at all
            if (deadlocked != null && Arrays.stream(deadlocked).boxed().collect(Collectors.toSet()).containsAll(ours)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return false;
    }
    // end::find-deadlock[]

    // tag::who-holds-what[]
    /** One line per thread: the locks it holds, the lock it waits for, and that lock's owner. */
    public List<String> describe(Collection<Thread> threads) {
        long[] ids = threads.stream().mapToLong(Thread::threadId).toArray();
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) { // with monitors and synchronizers held
            if (info == null) {
                continue; // the thread has ended
            }
            List<String> held = new ArrayList<>();
            Arrays.stream(info.getLockedMonitors()).forEach(m -> held.add(nameOf(m)));
            Arrays.stream(info.getLockedSynchronizers()).forEach(s -> held.add(nameOf(s)));
            String line = "\"" + info.getThreadName() + "\" holds " + (held.isEmpty() ? "nothing" : String.join(", ", held));
            if (info.getLockInfo() != null) {
                line += " and waits for " + nameOf(info.getLockInfo());
                if (info.getLockOwnerName() != null) {
                    line += ", held by \"" + info.getLockOwnerName() + "\"";
                }
            }
            lines.add(line);
        }
        return lines;
    }
    // end::who-holds-what[]

    private String nameOf(LockInfo lock) {
        String name = names.get(lock.getIdentityHashCode());
        return name != null ? name : LockId.of(lock).toString();
    }
}
