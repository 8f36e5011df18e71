package course.cpuio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;

/**
 * Native code and Java code run in parallel on the JVM. In CPython, numpy or zlib must release
 * the GIL around their heavy loops ({@code Py_BEGIN_ALLOW_THREADS}) before another thread may
 * run Python code. The JVM has no such lock: a thread inside native code (here zlib, through
 * {@link Deflater}) holds nothing that other threads need. The demo starts two threads that
 * compress data over and over, and samples them until it sees both inside the native method at
 * the same instant.
 */
public final class NativeInParallelDemo {

    /** How many samples it took to see both threads in native code at once (0: never seen). */
    public record Seen(int samples, String nativeMethod) {
    }

    private NativeInParallelDemo() {
    }

    // tag::compress[]
    static void compressUntil(AtomicBoolean stop, byte[] data) {
        byte[] out = new byte[data.length + 1024];
        while (!stop.get()) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(data);
            deflater.finish();
            while (!deflater.finished()) {
                deflater.deflate(out);   // the work happens in zlib, in native code
            }
            deflater.end();
        }
    }
    // end::compress[]

    public static Seen run(int maxSamples) throws InterruptedException {
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = List.of(
                Thread.ofPlatform().name("compressor-1").start(() -> compressUntil(stop, data)),
                Thread.ofPlatform().name("compressor-2").start(() -> compressUntil(stop, data)));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = threads.stream().mapToLong(Thread::threadId).toArray();
        try {
            for (int sample = 1; sample <= maxSamples; sample++) {
                ThreadInfo[] infos = mx.getThreadInfo(ids, 1);
                if (bothInNative(infos)) {
                    StackTraceElement top = infos[0].getStackTrace()[0];
                    return new Seen(sample, top.getClassName() + "." + top.getMethodName());
                }
                Thread.sleep(1);
            }
            return new Seen(0, "");
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** Both threads inside zlib: a native method of java.util.zip (not the JVM linking one, the first time). */
    private static boolean bothInNative(ThreadInfo[] infos) {
        for (ThreadInfo info : infos) {
            if (info == null || info.getStackTrace().length == 0) {
                return false;
            }
            StackTraceElement top = info.getStackTrace()[0];
            if (!top.isNativeMethod() || !top.getClassName().startsWith("java.util.zip.")) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) throws InterruptedException {
        Seen seen = run(5_000);
        if (seen.samples() == 0) {
            System.out.println("never saw both threads in native code at once (is the machine very busy?)");
        } else {
            System.out.println("sample " + seen.samples() + ": both compressor threads are inside " + seen.nativeMethod()
                    + " (native) at the same time; no lock keeps one of them out");
        }
    }
}
