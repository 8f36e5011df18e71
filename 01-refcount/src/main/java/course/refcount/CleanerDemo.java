package course.refcount;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How Java learns that an object has become unreachable: {@link Cleaner}. You register an
 * object and an action; after the collector finds the object unreachable, the cleaner's thread
 * runs the action. The JVM's collector does not free at a known moment, as a count does, but
 * it does tell you, afterwards.
 *
 * <p>The trap: the action must not refer to the object. The cleaner keeps the action reachable
 * until it has run, so an action that holds the object keeps it alive for ever, and never runs.
 * A lambda that mentions the object, or an inner class of it, does exactly that.
 */
public final class CleanerDemo {

    /** An object worth watching: think of a buffer of native memory. */
    static final class Buffer {
        final String name;

        Buffer(String name) {
            this.name = name;
        }
    }

    // tag::register[]
    /** Registers a new buffer with an action that does not mention it, then drops the buffer. */
    static WeakReference<Buffer> registerAndDrop(Cleaner cleaner, AtomicBoolean cleaned) {
        Buffer buffer = new Buffer("buffer 1");
        cleaner.register(buffer, () -> cleaned.set(true)); // the action knows only the flag
        return new WeakReference<>(buffer);
    }
    // end::register[]

    // tag::trap[]
    /** The trap: the action mentions the buffer, so the cleaner itself keeps the buffer alive. */
    static WeakReference<Buffer> registerCapturingAndDrop(Cleaner cleaner, AtomicBoolean cleaned) {
        Buffer buffer = new Buffer("buffer 2");
        cleaner.register(buffer, () -> cleaned.set(buffer.name != null)); // holds buffer: never runs
        return new WeakReference<>(buffer);
    }
    // end::trap[]

    /** The outcome of one watch: was the buffer collected, and did the action run? */
    public record Outcome(boolean collected, boolean actionRan) {
    }

    /** Registers a buffer, drops it, and asks for collections until the action runs or the attempts run out. */
    public static Outcome watch(Cleaner cleaner, boolean actionCapturesBuffer, int attempts) throws InterruptedException {
        AtomicBoolean cleaned = new AtomicBoolean();
        WeakReference<Buffer> ref = actionCapturesBuffer
                ? registerCapturingAndDrop(cleaner, cleaned) : registerAndDrop(cleaner, cleaned);
        for (int i = 0; i < attempts && !cleaned.get(); i++) {
            System.gc();
            Thread.sleep(10);
        }
        return new Outcome(ref.refersTo(null), cleaned.get());
    }

    public static void main(String[] args) throws InterruptedException {
        Cleaner cleaner = Cleaner.create();
        Outcome plain = watch(cleaner, false, 50);
        System.out.println("action that does not hold the buffer: collected " + plain.collected()
                + ", action ran " + plain.actionRan());
        Outcome trap = watch(cleaner, true, 50);
        System.out.println("action that holds the buffer:         collected " + trap.collected()
                + ", action ran " + trap.actionRan());
    }
}
