package course.race.exercises;

import course.kit.InstrumentedCopies;
import course.race.Signal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.objectweb.asm.MethodVisitor;

/**
 * Looks at a signal from another thread at every step of its {@code stop(reason)}: after each
 * shared-memory access that {@code stop} makes, and after each call it makes into
 * java.util.concurrent (a copy of the answer class calls {@link #step()} there, see
 * {@link InstrumentedCopies}), a new thread calls {@code isStopped()} and
 * {@code reason()}. Whoever sees the stop must see its reason: a look that finds the stop
 * without it has caught {@code stop} publishing the flag before the reason, whatever the JIT
 * and the scheduler would have done. A look that has to wait for a lock {@code stop} holds is
 * let wait: it runs once {@code stop} lets go, as it would in a real program.
 */
public final class PublishOrderProbe {

    /**
     * CPU time after which a look that neither ends nor waits counts as spinning (on something
     * stop() holds). CPU time, not time on the clock: on a busy machine a look may wait long for
     * the CPU, and a look cut short before it has run would see nothing.
     */
    private static final long LOOK_CPU_NANOS = 100_000_000;
    /** Wall-clock limit of one look, whatever the machine: the probe never hangs. */
    private static final Duration LOOK_LIMIT = Duration.ofSeconds(5);
    /** Once stop() has returned, how long a look may wait (for a lock stop() let go) before it counts as stuck. */
    private static final Duration WAIT_AFTER_STOP = Duration.ofSeconds(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static volatile Thread stopper;
    private static volatile Signal watched;
    private static final List<Thread> lookers = new ArrayList<>();
    private static final List<String> sightings = new ArrayList<>();
    /** Threads of the probe's own looks; any other thread that runs the copy while stop() runs is one stop() started. */
    private static final Set<Thread> lookerThreads = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch startedThreadsGoOn = new CountDownLatch(0);

    /** What a look made once stop() had returned saw: the stop, or not. */
    record AfterStop(boolean stopped, String reason) {
    }

    private static volatile AfterStop afterStop;

    private PublishOrderProbe() {
    }

    /**
     * What other threads saw while {@code stop(why)} ran on a copy of {@code answer}: for each look
     * that saw the stop, the reason it read.
     */
    static synchronized List<String> reasonsSeenWithTheStop(Class<? extends Signal> answer, String why) {
        Signal signal = InstrumentedCopies.newInstance(copyOf(answer));
        lookers.clear();
        sightings.clear();
        lookerThreads.clear();
        watched = signal;
        startedThreadsGoOn = new CountDownLatch(1);
        stopper = Thread.currentThread();
        try {
            signal.stop(why);
        } finally {
            stopper = null;
        }
        try {
            afterStop = lookOnceStopped(signal);
        } finally {
            startedThreadsGoOn.countDown();
        }
        for (Thread looker : List.copyOf(lookers)) {
            awaitDoneOrStuck(looker, WAIT_AFTER_STOP);
        }
        synchronized (sightings) {
            return List.copyOf(sightings);
        }
    }

    /**
     * What a look made right after the last {@link #reasonsSeenWithTheStop} returned from stop()
     * saw, while every thread that stop() had started (and that runs the answer's code) was held
     * back: a stop() that leaves its writes to another thread has not stopped anything yet.
     */
    static AfterStop seenOnceStopReturned() {
        return afterStop;
    }

    private static AfterStop lookOnceStopped(Signal signal) {
        boolean[] stopped = new boolean[1];
        String[] reason = new String[1];
        Thread looker = Thread.ofPlatform().daemon().name("looker").unstarted(() -> {
            stopped[0] = signal.isStopped();
            reason[0] = signal.reason();
        });
        lookerThreads.add(looker);
        looker.start();
        try {
            looker.join(LOOK_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new AfterStop(stopped[0], reason[0]);
    }

    /** Called by the copy after each shared-memory access. */
    public static void step() {
        if (Thread.currentThread() != stopper) {
            if (!lookerThreads.contains(Thread.currentThread())) {
                holdBack(); // a thread stop() started: it waits until the look after stop() is made
            }
            return; // a look's own accesses
        }
        Signal signal = watched;
        Thread looker = Thread.ofPlatform().daemon().name("looker").unstarted(() -> {
            if (signal.isStopped()) {
                String reason = signal.reason();
                synchronized (sightings) {
                    sightings.add(String.valueOf(reason));
                }
            }
        });
        lookerThreads.add(looker);
        looker.start();
        lookers.add(looker);
        awaitDoneOrStuck(looker, Duration.ZERO);
    }

    private static void holdBack() {
        try {
            startedThreadsGoOn.await(LOOK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Until the look is over, or is stuck: spinning (it has used {@link #LOOK_CPU_NANOS} of CPU), or
     * waiting (for a lock, say) longer than {@code waitingPatience}.
     */
    private static void awaitDoneOrStuck(Thread looker, Duration waitingPatience) {
        long start = System.nanoTime();
        long cpuAtStart = THREADS.getThreadCpuTime(looker.threadId());
        while (looker.isAlive() && System.nanoTime() - start < LOOK_LIMIT.toNanos()) {
            Thread.State state = looker.getState();
            boolean waits = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING;
            if (waits && System.nanoTime() - start >= waitingPatience.toNanos()) {
                return;
            }
            if (THREADS.getThreadCpuTime(looker.threadId()) - cpuAtStart > LOOK_CPU_NANOS) {
                return;
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static Class<? extends Signal> copyOf(Class<? extends Signal> answer) {
        String root = answer.getName();
        return new InstrumentedCopies("publish-order:" + root, answer.getClassLoader(), PublishOrderProbe.class, "step") {
            @Override
            protected boolean isCopied(String name) {
                return name.equals(root) || name.startsWith(root + "$");
            }

            /** Steps after every call into java.util.concurrent too: a latch counted down, a future completed, a lock let go publish as a write does. */
            @Override
            protected MethodVisitor rewrite(String methodName, MethodVisitor next) {
                return new HookAfterSharedAccess(next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                        if (owner.startsWith("java/util/concurrent/") && !owner.startsWith("java/util/concurrent/atomic/")) {
                            hook();
                        }
                    }
                };
            }
        }.load(answer, Signal.class);
    }

}
