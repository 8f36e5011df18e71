package course.cpuio;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * What a process costs that a thread does not, measured: starting a JVM, warming it up, the
 * memory it holds, and passing data to it and back (serialised through a pipe), each next to
 * the same thing done with a thread. The article's second notes name these costs (a copy of
 * the parent's memory per process, slower communication); this demo puts numbers on them.
 */
public final class ProcessCostDemo {

    /** The measured costs. Times in microseconds; memory in kilobytes (empty where /proc is missing). */
    public record Costs(long jvmStartMicros, long threadStartMicros, long firstRunMicros, long warmRunMicros,
                        OptionalLong childRssKb, long threadStackKb, int longsSent, long sumBack, long expectedSum,
                        long pipeMicros, long inProcessMicros) {
    }

    private ProcessCostDemo() {
    }

    public static Costs measure(int startRuns, int longs) throws IOException, InterruptedException {
        long jvmStart = median(startRuns, ProcessCostDemo::startAnEmptyJvm);
        long threadStart = median(startRuns, ProcessCostDemo::startAnEmptyThread);
        long[] warmUp = warmUpTimes();
        OptionalLong rss = residentMemoryOfAnIdleChild();
        long[] numbers = LongStream.range(0, longs).map(i -> i * 7 + 3).toArray();
        long start = System.nanoTime();
        long sumBack = sumInAChild(numbers);
        long pipe = (System.nanoTime() - start) / 1_000;
        start = System.nanoTime();
        long expected = LongStream.of(numbers).sum();
        long inProcess = (System.nanoTime() - start) / 1_000;
        return new Costs(jvmStart, threadStart, warmUp[0], warmUp[warmUp.length - 1], rss, 1024, longs, sumBack,
                expected, pipe, inProcess);
    }

    @FunctionalInterface
    interface Timed {
        long micros() throws IOException, InterruptedException;
    }

    static long median(int runs, Timed timed) throws IOException, InterruptedException {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = timed.micros();
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    // tag::start-up[]
    static long startAnEmptyJvm() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process child = new ProcessBuilder(JavaCommand.of(ChildJvm.class, "exit")).start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the empty JVM exited with status " + child.exitValue());
        }
        return (System.nanoTime() - start) / 1_000;
    }

    static long startAnEmptyThread() throws InterruptedException {
        long start = System.nanoTime();
        Thread thread = Thread.ofPlatform().start(() -> { });
        thread.join();
        return (System.nanoTime() - start) / 1_000;
    }
    // end::start-up[]

    /** The first and the last of five runs of the same job in a fresh JVM: the JIT at work. */
    static long[] warmUpTimes() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(JavaCommand.of(ChildJvm.class, "warm-up", "5")).start();
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (child.waitFor() != 0 || lines.size() != 5 || !lines.stream().allMatch(l -> l.endsWith(" 25997"))) {
            throw new IllegalStateException("the warm-up child failed: " + lines);
        }
        return lines.stream().mapToLong(l -> Long.parseLong(l.split(" ")[0])).toArray();
    }

    /** The resident memory of a JVM that does nothing, read from /proc on Linux. */
    static OptionalLong residentMemoryOfAnIdleChild() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(JavaCommand.of(ChildJvm.class, "idle")).start();
        try {
            Thread.sleep(300); // let it finish starting
            Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
            if (!Files.isReadable(status)) {
                return OptionalLong.empty();
            }
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst();
        } finally {
            child.getOutputStream().close(); // end of its input: it exits
            child.waitFor();
        }
    }

    // tag::pipe[]
    /** Sends every number to a child as 8 bytes through its standard input; it sends back the sum. */
    static long sumInAChild(long[] numbers) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(JavaCommand.of(ChildJvm.class, "sum")).start();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(child.getOutputStream(), 1 << 16))) {
            for (long n : numbers) {
                out.writeLong(n);
            }
        }
        String answer = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the summing child exited with status " + child.exitValue());
        }
        return Long.parseLong(answer);
    }
    // end::pipe[]

    public static void main(String[] args) throws Exception {
        Costs c = measure(5, 1_000_000);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("start a JVM and let it exit:  %,8d us   (a thread: %,d us)", c.jvmStartMicros(),
                c.threadStartMicros()));
        lines.add(String.format("one job in a fresh JVM:       %,8d us the first time, %,d us the fifth (the JIT warming up)",
                c.firstRunMicros(), c.warmRunMicros()));
        lines.add("memory of an idle JVM:        " + (c.childRssKb().isPresent()
                ? String.format("%,8d kB resident", c.childRssKb().getAsLong()) : "n/a (no /proc)")
                + "   (a thread: its stack, 1,024 kB reserved, little of it touched)");
        lines.add(String.format("sum %,d longs in a child:  %,8d us, sum %s   (in this JVM: %,d us)", c.longsSent(),
                c.pipeMicros(), c.sumBack() == c.expectedSum() ? "right" : "WRONG", c.inProcessMicros()));
        lines.forEach(System.out::println);
    }
}
