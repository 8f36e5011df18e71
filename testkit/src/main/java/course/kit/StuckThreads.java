package course.kit;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Describes threads that did not finish: what state each is in, which lock it waits for and
 * who holds it, which locks it holds, and where in course code it is. Built on ThreadMXBean.
 */
public final class StuckThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StuckThreads() {
    }

    /** One paragraph per thread, ready to put in a failure message. */
    public static String describe(Collection<Thread> threads) {
        return threads.stream().map(StuckThreads::describe).collect(Collectors.joining("\n"));
    }

    /** One thread: its state, the lock it waits for and its owner, the locks it holds, its place. */
    public static String describe(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(new long[] {thread.threadId()}, true, true)[0];
        if (info == null) {
            return "thread \"" + thread.getName() + "\" has ended";
        }
        StringBuilder text = new StringBuilder("thread \"" + info.getThreadName() + "\" is " + state(info));
        LockInfo wanted = info.getLockInfo();
        if (wanted != null) {
            text.append(", waiting for ").append(lockName(wanted));
            if (info.getLockOwnerName() != null) {
                text.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        String held = Arrays.stream(info.getLockedMonitors()).map(StuckThreads::lockName)
                .collect(Collectors.joining(", "));
        String heldSync = Arrays.stream(info.getLockedSynchronizers()).map(StuckThreads::lockName)
                .collect(Collectors.joining(", "));
        String allHeld = held.isEmpty() ? heldSync : heldSync.isEmpty() ? held : held + ", " + heldSync;
        if (!allHeld.isEmpty()) {
            text.append("; it holds ").append(allHeld);
        }
        for (StackTraceElement frame : courseFrames(info.getStackTrace())) {
            text.append("\n    at ").append(frame(frame));
        }
        return text.toString();
    }

    private static String state(ThreadInfo info) {
        return switch (info.getThreadState()) {
            case RUNNABLE -> "RUNNABLE (still running: spinning, or busy for too long)";
            case BLOCKED -> "BLOCKED on a monitor (synchronized)";
            case WAITING, TIMED_WAITING -> info.getThreadState() + " (parked or waiting)";
            default -> info.getThreadState().toString();
        };
    }

    private static String lockName(LockInfo lock) {
        String name = lock.getClassName();
        return name.substring(name.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    /** The frames in course code (not the kit, not generated lambda classes), or the top two when there are none. */
    static StackTraceElement[] courseFrames(StackTraceElement[] stack) {
        StackTraceElement[] course = Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("course.") && !f.getClassName().startsWith("course.kit.")
                        && !f.getClassName().contains("$$Lambda"))
                .limit(4)
                .toArray(StackTraceElement[]::new);
        return course.length > 0 ? course : Arrays.copyOf(stack, Math.min(2, stack.length));
    }

    /** One frame as {@code Class.method(File.java:line)}, without module or class loader prefixes. */
    static String frame(StackTraceElement f) {
        String location = f.getFileName() == null ? "Unknown Source"
                : f.getLineNumber() >= 0 ? f.getFileName() + ":" + f.getLineNumber() : f.getFileName();
        return f.getClassName() + "." + f.getMethodName() + "(" + location + ")";
    }
}
