package course.cpuio;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * When a virtual thread cannot let go of its carrier. A virtual thread that blocks is normally
 * unmounted: its carrier (a platform thread) runs another virtual thread meanwhile. If the JVM
 * cannot move the blocked thread's stack off the carrier, the thread is <em>pinned</em> and the
 * carrier blocks with it. The JVM reports each such block as a {@code jdk.VirtualThreadPinned}
 * event (JDK Flight Recorder), which this demo listens for while three virtual threads sleep:
 * <ul>
 *   <li>one inside a {@code synchronized} block: pinned up to JDK 23; not since JDK 24 (JEP 491
 *       lets a virtual thread unmount while it holds a monitor);
 *   <li>one inside a class initializer: pinned on every JDK so far (the JVM runs initializers in
 *       native frames, as it runs JNI code: a native frame cannot be moved off the carrier);
 *   <li>one in plain code: never pinned.
 * </ul>
 */
public final class PinningDemo {

    /** Which of the three blocking virtual threads pinned their carrier. */
    public record Pinned(boolean inSynchronized, boolean inClassInitializer, boolean inPlainCode) {
    }

    private static final Object LOCK = new Object();

    private PinningDemo() {
    }

    // tag::blockers[]
    static void sleepHoldingAMonitor() {
        synchronized (LOCK) {
            sleep(50);
        }
    }

    /** Its static initializer sleeps: the first thread to touch the class runs it. */
    static final class SlowToInitialise {
        static {
            sleep(50);
        }

        static void touch() {
        }
    }

    static void sleepInPlainCode() {
        sleep(50);
    }
    // end::blockers[]

    public static Pinned run() throws InterruptedException {
        List<String> pinnedIn = new CopyOnWriteArrayList<>();
        try (RecordingStream events = new RecordingStream()) {
            events.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(10)).withStackTrace();
            events.onEvent("jdk.VirtualThreadPinned", event -> event.getStackTrace().getFrames().stream()
                    .map(RecordedFrame::getMethod)
                    .map(method -> method.getType().getName() + "." + method.getName())
                    .forEach(pinnedIn::add)); // every frame of the pinned thread's stack
            events.startAsync();
            Thread.ofVirtual().start(PinningDemo::sleepHoldingAMonitor).join();
            Thread.ofVirtual().start(SlowToInitialise::touch).join();
            Thread.ofVirtual().start(PinningDemo::sleepInPlainCode).join();
            events.stop(); // waits until every recorded event has been delivered
        }
        return new Pinned(pinnedIn.stream().anyMatch(m -> m.endsWith("sleepHoldingAMonitor")),
                pinnedIn.stream().anyMatch(m -> m.endsWith("SlowToInitialise.<clinit>")),
                pinnedIn.stream().anyMatch(m -> m.endsWith("sleepInPlainCode")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Pinned pinned = run();
        System.out.println("JDK " + Runtime.version().feature() + ", a virtual thread that sleeps");
        System.out.println("  holding a monitor (synchronized): " + (pinned.inSynchronized() ? "pinned" : "not pinned"));
        System.out.println("  in a class initializer:           " + (pinned.inClassInitializer() ? "pinned" : "not pinned"));
        System.out.println("  in plain code:                    " + (pinned.inPlainCode() ? "pinned" : "not pinned"));
    }
}
