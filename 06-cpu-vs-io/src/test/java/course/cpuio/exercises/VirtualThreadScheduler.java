package course.cpuio.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the JVM's own threads behind virtual threads before a test takes its snapshot of the
 * running threads: the scheduler's carrier threads ({@code ForkJoinPool-1-worker-N}), its
 * timer ({@code ForkJoinPool-1-delayScheduler}, JDK 25) and the monitor unblocker
 * ({@code VirtualThread-unblocker}, JDK 24+) and the poller that parks virtual threads on
 * sockets ({@code MasterPoller}, {@code Read-Poller}). They are created on first use and live on, so
 * without this the first test that uses virtual threads would be blamed for them.
 */
final class VirtualThreadScheduler {

    private VirtualThreadScheduler() {
    }

    static void startItsThreads() throws InterruptedException {
        int carriers = Runtime.getRuntime().availableProcessors();
        Object monitor = new Object();
        List<Thread> threads = new ArrayList<>();
        synchronized (monitor) {
            for (int i = 0; i < 2 * carriers; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    sleep(20);              // a timed park: the delay scheduler
                    synchronized (monitor) { // blocked on a monitor, then unblocked: the unblocker
                        monitor.notifyAll();
                    }
                }));
            }
            sleep(40);                       // all of them asleep at once: every carrier started
        }
        for (Thread thread : threads) {
            thread.join();
        }
        readASocketOnAVirtualThread();
    }

    /** A virtual thread blocked reading a socket is parked by the poller, which starts the poller. */
    private static void readASocketOnAVirtualThread() throws InterruptedException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // the other end closed: that is the end of the warm-up
                }
            });
            try (Socket accepted = listener.accept()) {
                sleep(20);                   // the reader is parked on its read by now
                accepted.getOutputStream().write(1);
            }
            reader.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
