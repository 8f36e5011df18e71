package course.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The leftover-thread guard against the JVM's real threads: the threads it starts behind
 * virtual threads are never blamed; a pool or a {@code Cleaner} the test itself started is.
 * After the uses below, a JDK 25 has started {@code ForkJoinPool-1-worker-N} and
 * {@code ForkJoinPool-1-delayScheduler} in group {@code CarrierThreads}, {@code VirtualThread-unblocker}
 * and {@code MasterPoller} (with {@code -Djdk.pollerMode=1}, {@code Read-Poller} and
 * {@code Write-Poller} instead); a JDK 21 has started the carriers, {@code VirtualThread-unparker},
 * {@code Read-Poller}, {@code Write-Poller}, {@code Read-Updater} and {@code Write-Updater}.
 */
class LeftoverThreadsIT {

    /**
     * In a fresh JVM, where the threads behind virtual threads do not exist yet: the guard's
     * snapshot, then virtual threads used every way that starts one of those threads, then the
     * guard. Once in each of the JDK's ways to poll sockets for virtual threads (1: platform
     * pollers; 2: pollers that are virtual threads; the default differs from JDK to JDK), as
     * each starts threads of its own.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theThreadsBehindVirtualThreadsAreNotLeftovers() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String pollerMode : List.of("default", "1", "2")) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            if (!pollerMode.equals("default")) {
                command.add("-Djdk.pollerMode=" + pollerMode);
            }
            command.add(FreshJvm.class.getName());
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(output).as("pollerMode %s", pollerMode)
                    .contains("started: ", "CarrierThread", "InnocuousThread")
                    .contains("blamed: []");
            if (pollerMode.equals("1")) {
                assertThat(output).contains("Read-Poller");
            }
        }
    }

    /** The JVM the test above starts: prints the threads that virtual threads started, and those the guard blames. */
    static final class FreshJvm {
        public static void main(String[] args) throws Exception {
            Set<Thread> before = LeftoverThreads.snapshot();
            useVirtualThreadsEveryWay();
            System.out.println("started: " + platformThreads().stream().filter(t -> !before.contains(t))
                    .map(t -> t.getName() + " (" + t.getClass().getName() + ")").toList());
            System.out.println("blamed: " + LeftoverThreads.since(before, Duration.ofMillis(200)).stream()
                    .map(Thread::getName).toList());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void everyKindOfThreadBehindVirtualThreadsIsRecognised() throws Exception {
        useVirtualThreadsEveryWay();

        assertThat(platformThreads()).as("the JVM's threads behind virtual threads (so this test is not empty)")
                .anyMatch(t -> t.getClass().getName().equals("jdk.internal.misc.CarrierThread"));
        for (Thread thread : platformThreads()) {
            String type = thread.getClass().getName();
            ThreadGroup group = thread.getThreadGroup();
            boolean ofTheScheduler = type.equals("jdk.internal.misc.CarrierThread")
                    || type.equals("java.util.concurrent.DelayScheduler")
                        && group != null && group.getName().equals("CarrierThreads")
                    || type.equals("jdk.internal.misc.InnocuousThread") && (thread.getName().startsWith("VirtualThread-")
                        || thread.getName().endsWith("Poller") || thread.getName().endsWith("Updater"));
            if (ofTheScheduler) {
                assertThat(LeftoverThreads.isInfrastructure(thread)).as("%s (%s)", thread.getName(), type).isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aForkJoinPoolTheTestStartedIsStillALeftover() throws Exception {
        Set<Thread> before = LeftoverThreads.snapshot();
        ForkJoinPool pool = new ForkJoinPool(1);
        CountDownLatch started = new CountDownLatch(1);
        try {
            pool.execute(started::countDown);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            List<Thread> leftovers = LeftoverThreads.since(before, Duration.ofMillis(100));

            assertThat(leftovers).as("a pool's worker, idle but alive").isNotEmpty()
                    .allMatch(t -> t.getName().startsWith("ForkJoinPool-"))
                    .noneMatch(LeftoverThreads::isInfrastructure);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aThreadNamedLikeAPollerIsStillALeftover() throws Exception {
        Set<Thread> before = LeftoverThreads.snapshot();
        CountDownLatch stop = new CountDownLatch(1);
        Thread impostor = Thread.ofPlatform().name("Read-Poller").daemon().start(() -> {
            while (stop.getCount() > 0) {
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    // the guard interrupts leftovers; this one ignores it, as a stuck thread would
                }
            }
        });
        try {
            assertThat(LeftoverThreads.since(before, Duration.ofMillis(50))).containsExactly(impostor);
        } finally {
            stop.countDown();
            impostor.join();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aCleanersThreadIsStillALeftover() {
        Set<Thread> before = LeftoverThreads.snapshot();

        Cleaner cleaner = Cleaner.create();          // starts a thread of the JDK's class, for the caller

        List<Thread> leftovers = LeftoverThreads.since(before, Duration.ofMillis(50));
        assertThat(leftovers).as("a Cleaner's thread, which ignores interrupts").hasSize(1)
                .allMatch(t -> t.getClass().getName().equals("jdk.internal.misc.InnocuousThread"));
        Reference.reachabilityFence(cleaner);        // its thread ends once the Cleaner is garbage
    }

    /** A timed sleep, a blocked monitor, and a socket read, each on virtual threads. */
    private static void useVirtualThreadsEveryWay() throws Exception {
        Object monitor = new Object();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch allStarted = new CountDownLatch(4);
        synchronized (monitor) {
            for (int i = 0; i < 4; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    allStarted.countDown();
                    try {
                        Thread.sleep(10);            // a timed park: the scheduler's timer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    synchronized (monitor) {         // blocked, then unblocked: the unblocker
                        monitor.notifyAll();
                    }
                }));
            }
            assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(30);                        // they block on the monitor while it is held
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                    socket.getInputStream().read();  // parked by the poller
                } catch (IOException e) {
                    // the other end closed: done
                }
            });
            try (Socket accepted = listener.accept()) {
                Thread.sleep(20);
                accepted.getOutputStream().write(1);
            }
            reader.join();
        }
    }

    private static List<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual()).toList();
    }
}
